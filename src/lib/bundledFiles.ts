// The bundled data files as text, for "Check in R" (which gives R the same files the site's
// dataset was read from): loaded with that code, not with the engine.
export { default as ordersCsv } from '../../data/orders.csv?raw';
export { default as eventsCsv } from '../../data/events.csv?raw';
export { default as harmIndexCsv } from '../../data/harm-index.csv?raw';
