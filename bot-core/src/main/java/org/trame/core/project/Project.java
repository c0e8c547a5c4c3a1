package org.trame.core.project;

/**
 * A cooperation project of a collective (seed 004 sheet 8): members join and leave it without
 * joining or leaving the collective.
 *
 * @param id           the project's row id
 * @param collectiveId the collective's id in the database ({@code platform:platform-id})
 * @param name         the name as the coordinator wrote it (member text: escape it where shown)
 */
public record Project(long id, String collectiveId, String name) {}
