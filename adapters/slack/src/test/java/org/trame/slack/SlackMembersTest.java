package org.trame.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.MutableClock;

@DisplayName("Slack: a member's admin role is trusted a minute at most, even when Slack cannot be asked")
class SlackMembersTest {

  private final FakeSlackApi api;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final Members members;

  SlackMembersTest() throws Exception {
    api = new FakeSlackApi();
    SlackSettings settings = new SlackSettings("xoxb-test", "s", null, 0, api.url(), null);
    members = new Members(new SlackWeb(settings, d -> { }), clock);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  @DisplayName("given an admin seen a while ago, when users.info fails, then the event goes on with the name but without the role")
  void failedLookupDropsAnOldRole() {
    // given bob, an admin, looked up once
    api.user("UBOB", "bob", "fr-FR", "Europe/Brussels", true);
    assertTrue(members.lookUp("UBOB", "bob").hints().coordinator());
    // when two minutes later Slack answers an error
    clock.advance(Duration.ofMinutes(2));
    api.planNext("users.info", 200, Map.of(), "{\"ok\":false,\"error\":\"fatal_error\"}");
    Members.Known known = members.lookUp("UBOB", "bob");
    // then his name still serves, his role does not
    assertFalse(known.hints().coordinator(), known.toString());
    assertTrue(known.name().equals("bob"), known.toString());
  }
}
