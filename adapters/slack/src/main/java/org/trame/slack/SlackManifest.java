package org.trame.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trame.core.port.CommandCatalogue;

/**
 * The Slack app manifest to paste when creating the app, with the {@code /trame} usage hint written
 * from the command catalogue: a command added to the catalogue shows in Slack without editing the
 * manifest by hand.
 */
public final class SlackManifest {

  private static final String PACKAGED = "/org/trame/slack/manifest.yml";
  private static final Pattern USAGE_HINT = Pattern.compile("(?m)^(\\s*usage_hint: ).*$");

  private SlackManifest() {}

  /** The packaged manifest with {@code catalogue}'s usage hint. */
  public static String of(CommandCatalogue catalogue) {
    return withUsageHint(packaged(), catalogue.slackUsageHint());
  }

  static String withUsageHint(String manifest, String hint) {
    Matcher m = USAGE_HINT.matcher(manifest);
    if (!m.find()) {
      throw new IllegalStateException("the packaged Slack manifest has no usage_hint line");
    }
    return m.replaceFirst(Matcher.quoteReplacement(m.group(1) + "\"" + hint.replace("\"", "'") + "\""));
  }

  private static String packaged() {
    try (InputStream in = SlackManifest.class.getResourceAsStream(PACKAGED)) {
      if (in == null) {
        throw new IllegalStateException("the Slack manifest is not packaged (" + PACKAGED + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
