package io.thingtank.s3.handler;

import io.thingtank.s3.S3Context;
import io.thingtank.s3.S3Errors;
import io.thingtank.s3.model.ObjectMeta;
import io.thingtank.s3.store.S3Store;
import io.thingtank.s3.store.VersionStore.VersionStart;
import io.thingtank.s3.version.ObjectVersions;
import io.thingtank.s3.version.VersionIds;
import io.thingtank.s3.wire.HttpDates;
import io.thingtank.s3.wire.S3Call;
import io.thingtank.s3.wire.S3Response;
import io.thingtank.s3.wire.XmlOut;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * ListObjectVersions (S3 API Reference): versions and delete markers by key, newest first, with
 * IsLatest; prefix, delimiter roll-up into CommonPrefixes, key-marker / version-id-marker
 * pages, max-keys (versions, markers and prefixes count alike), encoding-type=url. A bucket that
 * never had versioning lists each object as its null version.
 */
public final class ListVersionsHandler implements S3Handler {
  private final S3Context ctx;
  private final ObjectVersions versions;

  public ListVersionsHandler(S3Context ctx) {
    this.ctx = ctx;
    this.versions = new ObjectVersions(ctx);
  }

  /** A listed version (with IsLatest) or, when {@code prefix} is set, a common prefix. */
  private record Item(ObjectMeta version, boolean latest, String prefix) {}

  private record Page(List<Item> items, boolean truncated) {}

  @Override
  public Future<S3Response> handle(S3Call call) {
    String prefix = ListObjectsHandler.nz(call.param("prefix"));
    String delimiter = call.param("delimiter");
    String keyMarker = call.param("key-marker");
    String versionIdMarker = call.param("version-id-marker");
    int max = BucketHandlers.parseMax(call.param("max-keys"), 1000);
    String encodingType = call.param("encoding-type");
    if (encodingType != null && !encodingType.equals("url")) {
      return Future.failedFuture(S3Errors.invalidArgument("Invalid Encoding Method specified in Request"));
    }
    if (versionIdMarker != null && keyMarker == null) {
      return Future.failedFuture(S3Errors.invalidArgument("A version-id marker cannot be specified without a key marker."));
    }
    if (versionIdMarker != null) VersionIds.check(versionIdMarker);
    String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    return ctx.onBucket(call.bucket(), () -> {
      if (ctx.store().bucket(call.bucket()).isEmpty()) throw S3Errors.noSuchBucket();
      return scan(call.bucket(), prefix, d, keyMarker, versionIdMarker, max);
    }).map(p -> {
      boolean url = ListObjectsHandler.urlEncoding(call);
      XmlOut x = XmlOut.document("ListVersionsResult").el("Name", call.bucket())
          .el("Prefix", ListObjectsHandler.enc(url, prefix))
          .el("KeyMarker", ListObjectsHandler.enc(url, ListObjectsHandler.nz(keyMarker)))
          .el("VersionIdMarker", ListObjectsHandler.nz(versionIdMarker)).el("MaxKeys", max)
          .el("Delimiter", ListObjectsHandler.enc(url, delimiter)).el("IsTruncated", p.truncated());
      if (p.truncated() && !p.items().isEmpty()) {
        Item last = p.items().get(p.items().size() - 1);
        if (last.prefix() != null) x.el("NextKeyMarker", ListObjectsHandler.enc(url, last.prefix()));
        else x.el("NextKeyMarker", ListObjectsHandler.enc(url, last.version().key()))
            .el("NextVersionIdMarker", idOf(last.version()));
      }
      if (url) x.el("EncodingType", "url");
      for (Item i : p.items()) {
        if (i.prefix() != null) continue;
        ObjectMeta m = i.version();
        x.open(m.deleteMarker() ? "DeleteMarker" : "Version").el("Key", ListObjectsHandler.enc(url, m.key()))
            .el("VersionId", idOf(m)).el("IsLatest", i.latest()).el("LastModified", HttpDates.iso(m.lastModifiedMillis()));
        if (!m.deleteMarker()) {
          x.el("ETag", m.quotedEtag()).el("ChecksumAlgorithm", m.checksumAlgorithm())
              .el("ChecksumType", m.checksumType()).el("Size", m.size()).el("StorageClass", m.storageClass());
        }
        OwnerIds.write(x, call, m);
        x.close();
      }
      for (Item i : p.items()) {
        if (i.prefix() != null) x.open("CommonPrefixes").el("Prefix", ListObjectsHandler.enc(url, i.prefix())).close();
      }
      return S3Response.xml(x);
    });
  }

  private static String idOf(ObjectMeta m) { return m.versionId() == null ? VersionIds.NULL : m.versionId(); }

  /** Runs on the store executor. A roll-up prefix ends the scan, which restarts past that prefix. */
  private Page scan(String bucket, String prefix, String delimiter, String keyMarker, String versionIdMarker, int max) {
    List<Item> items = new ArrayList<>();
    if (max == 0) return new Page(items, false);
    boolean versioned = versions.state(bucket) != null;
    VersionStart from = start(bucket, keyMarker, versionIdMarker);
    boolean midKey = from.kind() == VersionStart.Kind.AFTER_VERSION;
    String[] lastKey = {null};
    boolean[] truncated = {false};
    while (from != null) {
      VersionStart[] next = {null};
      S3Store.ObjectVisitor visitor = m -> {
        String cp = null;
        if (delimiter != null) {
          int i = m.key().indexOf(delimiter, prefix.length());
          if (i >= 0) cp = m.key().substring(0, i + delimiter.length());
        }
        if (cp != null && keyMarker != null && cp.compareTo(keyMarker) <= 0) {
          next[0] = VersionStart.afterPrefix(cp);
          return false;
        }
        if (items.size() >= max) {
          truncated[0] = true;
          return false;
        }
        if (cp != null) {
          items.add(new Item(null, false, cp));
          next[0] = VersionStart.afterPrefix(cp);
          return false;
        }
        boolean latest = !m.key().equals(lastKey[0]) && !(midKey && m.key().equals(keyMarker));
        lastKey[0] = m.key();
        items.add(new Item(m, latest, null));
        return true;
      };
      if (versioned) ctx.versions().scanVersions(bucket, prefix, from, visitor);
      else scanUnversioned(bucket, prefix, from, visitor);
      from = next[0];
    }
    return new Page(items, truncated[0]);
  }

  private VersionStart start(String bucket, String keyMarker, String versionIdMarker) {
    if (keyMarker == null) return VersionStart.FIRST;
    if (versionIdMarker == null) return VersionStart.afterKey(keyMarker);
    return versions.find(bucket, keyMarker, versionIdMarker)
        .filter(v -> v.versionId() != null)
        .map(v -> VersionStart.afterVersion(keyMarker, v.versionSeq()))
        .orElse(VersionStart.afterKey(keyMarker));
  }

  /** Objects of a bucket that never had versioning, each its only (null) version, from {@code from}. */
  private void scanUnversioned(String bucket, String prefix, VersionStart from, S3Store.ObjectVisitor visitor) {
    String key = from.key() == null ? "" : from.key();
    ctx.store().scanObjects(bucket, prefix, key, m -> {
      if (from.kind() == VersionStart.Kind.AFTER_PREFIX ? m.key().startsWith(key)
          : from.kind() != VersionStart.Kind.FIRST && m.key().equals(key)) {
        return true;
      }
      return visitor.visit(m);
    });
  }
}
