// The base-R script that recomputes the specification curve for the study's categories, written into
// the build so that the link beside the curve ("How robust is it?") works without JavaScript. For other
// categories, or a reader's own data, the page writes the script itself (src/client/robustness.ts),
// through the same emitCurveR().
import type { APIRoute } from 'astro';
import { emitCurveR } from '../../analysis/emitCurveR.ts';
import { weightChoices } from '../../analysis/specificationCurve.ts';
import { dataset } from '../../lib/bundled.ts';
import { domain } from '../../lib/defaultView.ts';
import { curveScriptGenerator } from '../../lib/rCheck.ts';

const options = { categories: domain.categories, weights: weightChoices(dataset).weights };

export const GET: APIRoute = () =>
  new Response(emitCurveR(options, { generator: curveScriptGenerator(domain.categories, domain) }), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
