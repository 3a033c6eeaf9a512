import { HttpHeaders, HttpParams } from '@angular/common/http';

/** Request options of calls whose errors the page shows itself (next to the form), not as a global message. */
export const OWN_ERRORS = { headers: new HttpHeaders({ 'X-Handle-Errors': '1' }) };

/** Query parameters from a filter object; `undefined`, `null` and empty strings are left out. */
export function httpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}
