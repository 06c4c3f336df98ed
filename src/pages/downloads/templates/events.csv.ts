// Static download of data/templates/events.csv (with dates, for a reader's own data), written into the build.
import type { APIRoute } from 'astro';
import text from '../../../../data/templates/events.csv?raw';

export const GET: APIRoute = () => new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
