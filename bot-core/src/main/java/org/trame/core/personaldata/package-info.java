/**
 * What the bot stores about a member, declared table by table by the feature that owns the table
 * ({@link org.trame.core.personaldata.PersonalDataContribution}), so that export, erasure and
 * retention (org.trame.core.privacy) reach a new feature's rows without knowing them. The kernel's
 * own tables (members, conversations, outbox, the dedup log, settings, audit log, jobs) are declared
 * here, in {@link org.trame.core.personaldata.KernelPersonalData}.
 */
package org.trame.core.personaldata;
