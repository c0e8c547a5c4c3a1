package org.trame.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.personaldata.PersonalDataContribution;
import org.trame.core.personaldata.PersonalDataContribution.Table;
import org.trame.core.storage.Database;

/**
 * Every table of a freshly migrated database that names a member is declared by a feature's
 * contribution to personal data, so a member's export, erasure and retention reach it.
 *
 * <p>The rule for "names a member", from what the schema uses: a column {@code member_id}; a column
 * ending in {@code _by} (opened_by, added_by, set_by, updated_by); or one of {@code recipient},
 * {@code actor}, {@code owner}, {@code author_tag}. Flyway's own history ({@code installed_by}) is
 * the database's, not a member's.
 */
class PersonalDataCoverageTest {

  private static final Set<String> NAMED_MEMBER_COLUMNS = Set.of("member_id", "recipient", "actor", "owner", "author_tag");

  @TempDir
  Path dir;

  private static boolean namesAMember(String column) {
    return NAMED_MEMBER_COLUMNS.contains(column) || column.endsWith("_by");
  }

  /** Table → columns of the schema, from sqlite_master and pragma table_info. */
  private static Map<String, List<String>> schema(Connection c) throws Exception {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history' ORDER BY name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    for (String name : names) {
      List<String> columns = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + name + "\")")) {
        while (rs.next()) {
          columns.add(rs.getString("name"));
        }
      }
      tables.put(name, columns);
    }
    return tables;
  }

  /** What is wrong between the schema and the contributions: member columns no one declares, declarations of nothing. */
  private static List<String> gaps(Map<String, List<String>> schema, List<PersonalDataContribution> contributions) {
    Set<String> declared = new HashSet<>();
    List<String> gaps = new ArrayList<>();
    for (PersonalDataContribution contribution : contributions) {
      for (Table t : contribution.tables()) {
        if (!schema.containsKey(t.name())) {
          gaps.add("declared but no such table: " + t.name());
          continue;
        }
        for (String column : t.memberColumns()) {
          if (!schema.get(t.name()).contains(column)) {
            gaps.add("declared but no such column: " + t.name() + "." + column);
          }
          declared.add(t.name() + "." + column);
        }
      }
    }
    schema.forEach((table, columns) -> columns.stream().filter(PersonalDataCoverageTest::namesAMember)
        .map(column -> table + "." + column).filter(tc -> !declared.contains(tc))
        .forEach(tc -> gaps.add("names a member, declared by no contribution: " + tc)));
    return gaps;
  }

  private Map<String, List<String>> migrated(String... extraStatements) throws Exception {
    Database db = Database.open(dir.resolve("trame.db"));
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String sql : extraStatements) {
        s.execute(sql);
      }
      return schema(c);
    } finally {
      db.close();
    }
  }

  @Test
  @DisplayName("every table that names a member is covered by a feature's personal data, so export, erasure and retention reach it")
  void everyMemberTableIsCovered() throws Exception {
    // given the schema of a freshly migrated database
    Map<String, List<String>> schema = migrated();

    // when its member columns are compared with what the registered features declare
    List<String> gaps = gaps(schema, new Features().personalData());

    // then none is left out, and nothing is declared that does not exist
    assertEquals(List.of(), gaps);
  }

  @Test
  @DisplayName("a new table naming a member that no feature declares is caught, and so is a declaration of a table that does not exist")
  void aNewUndeclaredTableIsCaught() throws Exception {
    // given a feature added a table of ballots by member, and declared a table it never created
    Map<String, List<String>> schema = migrated("CREATE TABLE vote_ballot (round_id INTEGER NOT NULL, member_id TEXT NOT NULL,"
        + " choice TEXT, counted_by TEXT)");
    List<PersonalDataContribution> contributions = new ArrayList<>(new Features().personalData());
    contributions.add(new PersonalDataContribution() {
      @Override
      public List<Table> tables() {
        return List.of(Table.of("vote_round", "opened_by"), Table.of("checkin_answer", "author"));
      }

      @Override
      public void export(Subject member, Map<String, List<Map<String, Object>>> sections) {}

      @Override
      public void erase(Forgetting member) {}
    });

    // when the schema is checked
    List<String> gaps = gaps(schema, contributions);

    // then both of the new table's member columns, the missing table and the missing column are named
    assertEquals(List.of("declared but no such table: vote_round", "declared but no such column: checkin_answer.author",
        "names a member, declared by no contribution: vote_ballot.member_id",
        "names a member, declared by no contribution: vote_ballot.counted_by"), gaps);
  }
}
