package org.trame.core.access;

/**
 * Who asks: a member of one collective, with the role their platform gives them this turn, or the
 * collective's channel (what is posted there is read by every member).
 *
 * @param collectiveId the collective the request comes from ({@code platform:id})
 * @param memberId     the member asking; null for the channel
 * @param role         member, coordinator or channel
 */
public record Requester(String collectiveId, String memberId, Role role) {

  /** The roles adapters map platform facts to (Slack admins or a list, a Discord role...), and nothing else. */
  public enum Role { MEMBER, COORDINATOR, CHANNEL }

  public static Requester member(String collectiveId, String memberId, boolean coordinator) {
    return new Requester(collectiveId, memberId, coordinator ? Role.COORDINATOR : Role.MEMBER);
  }

  public static Requester channel(String collectiveId) {
    return new Requester(collectiveId, null, Role.CHANNEL);
  }

  public boolean coordinator() {
    return role == Role.COORDINATOR;
  }
}
