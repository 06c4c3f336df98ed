// The results of the default view as CSV (one row per measure and category).
import type { APIRoute } from 'astro';
import { defaultResult } from '../../lib/defaultView.ts';
import { resultsCsv } from '../../lib/export.ts';

export const GET: APIRoute = () => new Response(resultsCsv(defaultResult), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
