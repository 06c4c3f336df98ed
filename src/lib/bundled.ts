// The bundled dataset for the site, part of the build (no request at run time): data/*.csv with
// their manifest (data/study.json) and harm index (data/harm-index.csv, whose weight sets
// analyse()'s `weights` option uses), parsed and checked by the same engine the CLI uses when the
// site is built (src/integrations/bundledDataset.ts). The files' text, for "Check in R", is
// src/lib/bundledFiles.ts.
import checked from 'virtual:stro-bundled-dataset';
import type { Dataset } from '../analysis/types.ts';

export const dataset: Dataset = checked;
