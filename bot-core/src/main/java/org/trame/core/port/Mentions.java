package org.trame.core.port;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member named by the bot, in a form no member can type: the platform id between two
 * private-use characters, which {@link InboundEvent} strips from everything a member sends. Each
 * adapter renders the token its own way (Slack {@code <@U…>}, Discord {@code <@…>} with pings off,
 * the terminal {@code @id}), after escaping the text around it, so a member's words can never
 * produce a mention or a link.
 */
public final class Mentions {

  /** Opens a mention token. */
  public static final char OPEN = '\uE000';
  /** Closes a mention token. */
  public static final char CLOSE = '\uE001';

  private static final Pattern TOKEN = Pattern.compile(OPEN + "([^" + OPEN + CLOSE + "]{1,64})" + CLOSE);

  private Mentions() {}

  /** The token naming {@code memberId}. */
  public static String of(String memberId) {
    return OPEN + strip(memberId) + CLOSE;
  }

  /** {@code text} without the two marker characters: what a member sends can never hold a token. */
  public static String strip(String text) {
    if (text == null || (text.indexOf(OPEN) < 0 && text.indexOf(CLOSE) < 0)) {
      return text;
    }
    return text.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
  }

  /**
   * {@code text} with every token replaced by {@code render(memberId)}; the rest is passed through
   * {@code escape} first, piece by piece, so an adapter's markup never reaches a member's words.
   */
  public static String render(String text, Function<String, String> escape, Function<String, String> render) {
    if (text == null) {
      return null;
    }
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    int from = 0;
    while (m.find()) {
      out.append(escape.apply(text.substring(from, m.start())));
      out.append(render.apply(m.group(1)));
      from = m.end();
    }
    out.append(escape.apply(Mentions.strip(text.substring(from))));
    return out.toString();
  }
}
