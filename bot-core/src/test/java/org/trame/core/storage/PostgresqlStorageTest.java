package org.trame.core.storage;

/** The storage contract on a real PostgreSQL, started on loopback by the tests. */
class PostgresqlStorageTest extends StorageContract {

  @Override
  Database open() {
    return Database.open(LocalPostgres.require().newDatabase());
  }
}
