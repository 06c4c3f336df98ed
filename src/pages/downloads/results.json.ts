// The results of the default view as JSON: the analyse() result itself, as the CLI's --json prints it.
import type { APIRoute } from 'astro';
import { defaultResult } from '../../lib/defaultView.ts';
import { resultsJson } from '../../lib/export.ts';

export const GET: APIRoute = () => new Response(resultsJson(defaultResult), { headers: { 'Content-Type': 'application/json' } });
