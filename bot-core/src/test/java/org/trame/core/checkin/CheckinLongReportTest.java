package org.trame.core.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trame.core.TestBot;
import org.trame.core.port.InboundEvent;
import org.trame.core.port.OutboundMessage;

/** A large collective whose members all write long remarks still gets a report a chat can carry. */
class CheckinLongReportTest extends CheckinCollectiveTest {

  static final int MEMBERS = 40;

  final List<String> names = IntStream.range(0, MEMBERS).mapToObj(i -> "m" + i).toList();

  @Override
  String[] members() {
    return Stream.concat(Stream.of("carol"), names.stream()).toArray(String[]::new);
  }

  @Test
  @DisplayName("forty long shared remarks: the channel's report stays under 15,000 characters and says how many remarks it leaves out")
  void remarksAreBounded() {
    // given every member answers with a long remark they agree to share
    h.bot.command("carol", "checkin now");
    for (String m : names) {
      h.answer(m, 4, 4, 4, 4, ("Remark of " + m + ": ") + "the meetings run late and decisions drift. ".repeat(20), true);
    }
    // when the round closes
    List<OutboundMessage> out = h.bot.handle(InboundEvent.command(UUID.randomUUID().toString(), TestBot.PLATFORM, TestBot.COLLECTIVE,
        "carol", "checkin close")).messages();
    List<OutboundMessage> reports = CheckinHarness.channel(out);
    assertEquals(1, reports.size());
    String report = reports.get(0).text();
    // then the report is bounded, shows the first remarks and counts the rest
    assertTrue(report.length() < 15_000, "report of " + report.length() + " characters");
    assertTrue(report.contains("Remark of "), report);
    assertTrue(report.contains("more remarks"), report.substring(report.length() - 600));
  }
}
