package org.trame.discord;

import org.trame.core.Features;
import org.trame.core.engine.PromptsLoader;
import org.trame.core.i18n.Texts;

/** The core's packaged texts, loaded once for the tests. */
final class CoreTexts {

  static final Texts TEXTS = new PromptsLoader(Features.actionNames()).loadPackaged().texts();

  private CoreTexts() {}
}
