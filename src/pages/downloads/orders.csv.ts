// Static download of data/orders.csv, written into the build (no request leaves the site).
import type { APIRoute } from 'astro';
import text from '../../../data/orders.csv?raw';

export const GET: APIRoute = () => new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
