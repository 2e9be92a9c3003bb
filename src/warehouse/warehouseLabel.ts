/**
 * How the report names a warehouse (a PostgreSQL connection URL): scheme, user, host, port
 * and database, never the password, nor the query string, whose `host=` may be a socket
 * folder of the build machine. `postgres://stats:secret@db.example/ip?sslmode=require` ->
 * `postgres://stats@db.example/ip`. A table of it is cited as `<label>#<table>`.
 */
export function warehouseLabel(url: string): string {
  // Read by hand, as libpq reads it: a URL parser refuses `postgres://user@/db` (no host).
  const parts = /^([a-z][a-z0-9+.-]*):\/\/(?:([^:@/?#]*)(?::[^@/?#]*)?@)?([^/?#]*)(\/[^?#]*)?/i.exec(url);
  if (parts === null) return 'postgres://(a connection string that is not a URL)';
  const [, scheme, user, host, database] = parts;
  return `${scheme}://${user ? `${decodeURIComponent(user)}@` : ''}${host ?? ''}${database === '/' ? '' : (database ?? '')}`;
}

/** Whether a command line's --microdata names a PostgreSQL database (the only warehouse spoken to). */
export function isWarehouseUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
