// The base-R script for the study's view (24 months, all categories), written into the build so that
// "Download R script" works without JavaScript. With JavaScript the browser writes the script for the
// view on screen instead (src/client/checkInR.ts), through the same emitR().
import type { APIRoute } from 'astro';
import { emitR } from '../../analysis/emitR.ts';
import { domain } from '../../lib/defaultView.ts';
import { emitRGenerator } from '../../lib/rCheck.ts';

const view = { window: domain.span, categories: domain.categories, wilcoxon: 'current' as const };

export const GET: APIRoute = () =>
  new Response(emitR(view, { generator: emitRGenerator(view, domain) }), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
