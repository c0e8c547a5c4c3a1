package org.trame.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.i18n.Lang;

/** The public API other features call (the conflict space's value path): projects, members, leaving, criteria. */
class ProjectsApiTest extends ProjectCollective {

  static final String COLLECTIVE_ID = "console:" + TestBot.COLLECTIVE;

  @Override
  void given() {
    project("Food bank", ALICE, BOB);
    project("Repair café", BOB);
  }

  @Test
  @DisplayName("another feature finds a project by name, lists projects and members, and takes a member out of a project")
  void readAndLeave() throws Exception {
    long id;
    try (Connection c = bot.trame().read()) {
      Project p = Projects.named(c, COLLECTIVE_ID, "FOOD  bank").orElseThrow();
      assertEquals("Food bank", p.name());
      assertEquals(COLLECTIVE_ID, p.collectiveId());
      assertEquals(List.of("Food bank", "Repair café"), Projects.of(c, COLLECTIVE_ID).stream().map(Project::name).toList());
      assertEquals(List.of(ALICE, BOB), Projects.members(c, p.id()));
      assertTrue(Projects.isMember(c, p.id(), ALICE));
      assertFalse(Projects.isMember(c, p.id(), DAN));
      assertTrue(Projects.named(c, "console:elsewhere", "Food bank").isEmpty());
      assertEquals(List.of("Impact: the project is consistent with the impact our organisations seek.",
          "People involved: the people and organisations involved raise no blocking issue.",
          "Instrumentalisation: the partnership is not at risk of being used for particular interests (publicity, demanded returns…)."),
          EthicsCriteria.of(c, COLLECTIVE_ID, Lang.EN));
      id = p.id();
    }
    bot.trame().write(c -> {
      Projects.leave(c, id, ALICE, 1L);
      return null;
    }).join();
    assertEquals(List.of(BOB), bot.rows("SELECT member_id FROM project_member WHERE project_id = ?", id));
    assertEquals(List.of("null"), bot.rows("SELECT withdrawn_at FROM member WHERE member_id = ?", ALICE));
  }
}
