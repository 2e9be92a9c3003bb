// Links end in a slash: each page is a folder with its index.html, as static hosts serve them.
export const trailingSlash = 'always';
