package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP method + URI template of every operation of a REST service, loaded from
 * {@code /operations/<service>.tsv} (generated from the botocore model by
 * {@code aws/src/build/gen_operation_table.py}). Picks the operation of a request: the method and
 * path must match, every literal query key and required query/header member must be present, and
 * the most specific route wins, the first in the table on a tie ({@code PUT /{Bucket}/{Key+}?partNumber&uploadId} is UploadPart,
 * without them PutObject). Immutable and thread-safe.
 */
public final class OperationTable {
  /** A request's route and its path label values. */
  record Match(HttpRoute route, Map<String, String> labels) {}

  private final List<HttpRoute> routes;
  private final Map<String, HttpRoute> byOperation;

  private OperationTable(List<HttpRoute> routes) {
    Map<String, HttpRoute> m = new LinkedHashMap<>();
    for (HttpRoute r : routes) m.put(r.operation(), r);
    this.routes = List.copyOf(routes);
    this.byOperation = Map.copyOf(m);
  }

  /** Loads {@code /operations/<service>.tsv} from the class path. */
  public static OperationTable load(String service) {
    String resource = "/operations/" + service + ".tsv";
    try (InputStream in = OperationTable.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no operation table " + resource);
      List<HttpRoute> routes = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) routes.add(parse(line));
      }
      return new OperationTable(routes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpRoute parse(String line) {
    String[] c = line.split("\t", -1);
    Map<String, String> literal = new LinkedHashMap<>();
    for (String q : list(c[3])) {
      int eq = q.indexOf('=');
      literal.put(eq < 0 ? q : q.substring(0, eq), eq < 0 ? "" : q.substring(eq + 1));
    }
    return new HttpRoute(c[0], c[1], new UriTemplate(c[2]), Map.copyOf(literal), list(c[4]), list(c[5]),
        Integer.parseInt(c[6]), "-".equals(c[7]) ? null : c[7]);
  }

  private static List<String> list(String column) {
    return "-".equals(column) ? List.of() : Arrays.asList(column.split(","));
  }

  public HttpRoute route(String operation) { return byOperation.get(operation); }

  /** The operation a request addresses; {@code path} is the raw path (the S3 codec strips virtual-host buckets first). */
  Match match(String method, String path, Map<String, List<String>> query, AwsHttpRequest request) {
    Match best = null;
    for (HttpRoute r : routes) {
      if (!r.method().equals(method) || !hasAll(r, query, request)) continue;
      Map<String, String> labels = r.path().match(path);
      if (labels == null) continue;
      if (best == null || r.specificity() > best.route().specificity()) best = new Match(r, labels);
    }
    if (best == null) throw AwsErrors.unknownOperation(method + " " + path);
    return best;
  }

  private static boolean hasAll(HttpRoute r, Map<String, List<String>> query, AwsHttpRequest request) {
    for (Map.Entry<String, String> q : r.literalQuery().entrySet()) {
      List<String> v = query.get(q.getKey());
      if (v == null || (!q.getValue().isEmpty() && !v.contains(q.getValue()))) return false;
    }
    for (String q : r.requiredQuery()) if (!query.containsKey(q)) return false;
    for (String h : r.requiredHeaders()) if (request.header(h) == null) return false;
    return true;
  }
}
