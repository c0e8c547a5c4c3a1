package org.trame.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * On Slack and Discord, {@code TRAME_COORDINATORS} lists platform user ids: a display name or a
 * nickname is a label any member can take, so a name there would hand the role to whoever picks
 * it. A start with a name in the list stops with one line; the terminal keeps names (they are its
 * ids).
 */
final class CoordinatorIds {

  /** Slack user ids: {@code U…}, or {@code W…} on Enterprise Grid. */
  static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{6,}");
  /** Discord snowflakes: a number of 17 to 20 digits. */
  static final Pattern DISCORD_USER = Pattern.compile("\\d{17,20}");

  private CoordinatorIds() {}

  /** Refuses, naming them, the entries that are an id of none of the platforms this process runs. */
  static void check(Set<String> coordinators, boolean slack, boolean discord) {
    if (!slack && !discord) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (String entry : coordinators) {
      boolean id = (slack && SLACK_USER.matcher(entry).matches()) || (discord && DISCORD_USER.matcher(entry).matches());
      if (!id) {
        names.add("'" + entry + "'");
      }
    }
    if (names.isEmpty()) {
      return;
    }
    String expected = slack && discord ? "Slack user ids (U…) or Discord user ids (17 to 20 digits)"
        : slack ? "Slack user ids (U…, from the member's profile: Copy member ID)"
        : "Discord user ids (17 to 20 digits: Copy User ID in developer mode)";
    throw new IllegalArgumentException("TRAME_COORDINATORS must list " + expected + ", not names, which anyone can change: "
        + String.join(", ", names.stream().sorted().toList()));
  }
}
