// Every page is prerendered to static HTML at build time; the report needs no server.
export const prerender = true;
export const trailingSlash = 'always';
