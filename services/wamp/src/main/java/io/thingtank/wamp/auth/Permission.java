package io.thingtank.wamp.auth;

/**
 * One rule of a role (Crossbar's model): a URI pattern and what it allows there.
 *
 * @param uri   the pattern ("" with prefix = everything)
 * @param match exact, prefix or wildcard
 */
public record Permission(String uri, String match, boolean call, boolean register, boolean publish,
    boolean subscribe, boolean discloseCaller, boolean disclosePublisher) {

  public static Permission all(boolean disclose) {
    return new Permission("", "prefix", true, true, true, true, disclose, disclose);
  }

  public boolean allows(Action a) {
    return switch (a) {
      case CALL -> call;
      case REGISTER -> register;
      case PUBLISH -> publish;
      case SUBSCRIBE -> subscribe;
    };
  }
}
