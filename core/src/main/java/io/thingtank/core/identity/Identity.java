package io.thingtank.core.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.core.Clock;
import io.thingtank.core.Ids;
import io.thingtank.core.ThingTankException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The account of this ThingTank and its access keys, kept in {@code <data>/credentials.json}
 * (mode 0600, replaced atomically). The first start creates a 12-digit account id and a root
 * key. Thread-safe; lookups are lock-free.
 */
public final class Identity {
  public static final String FILE = "credentials.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Clock clock;
  private final Ids ids;
  private final String accountId;
  private final List<AccessKey> keys = new CopyOnWriteArrayList<>();
  /** When the file was last stat'ed and its mtime then: keys made by {@code thingtank keys} show up within a second. */
  private volatile long lastCheckMillis;
  private volatile long fileModified;

  private Identity(Path file, Clock clock, Ids ids, String accountId, List<AccessKey> keys) {
    this.file = file;
    this.clock = clock;
    this.ids = ids;
    this.accountId = accountId;
    this.keys.addAll(keys);
  }

  /**
   * Loads the identity of {@code dataDir}, creating it on first start. {@code wantedAccount}
   * (may be null) fixes the account id of a new data dir; it must match an existing one.
   */
  public static Identity loadOrCreate(Path dataDir, String wantedAccount, Clock clock, Ids ids) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(dataDir);
      if (Files.exists(file)) {
        Identity id = read(file, clock, ids);
        if (wantedAccount != null && !wantedAccount.equals(id.accountId)) {
          throw new ThingTankException("data dir " + dataDir + " belongs to account " + id.accountId
              + ", not " + wantedAccount + " (--account-id only applies to a new data dir)");
        }
        return id;
      }
      String account = wantedAccount != null ? wantedAccount : randomAccount(ids);
      Identity id = new Identity(file, clock, ids, account, List.of());
      id.create("root");
      return id;
    } catch (IOException e) {
      throw new ThingTankException("cannot read or write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String randomAccount(Ids ids) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) b.append(Math.floorMod(ids.nextLong(), 10));
    if (b.charAt(0) == '0') b.setCharAt(0, '1');
    return b.toString();
  }

  private static Identity read(Path file, Clock clock, Ids ids) throws IOException {
    ObjectNode root;
    try {
      root = (ObjectNode) JSON.readTree(file.toFile());
    } catch (Exception e) {
      throw new ThingTankException(file + " is damaged (" + e.getMessage()
          + "); fix or remove it (removing it creates a new account and keys)", e);
    }
    String account = root.path("accountId").asText();
    List<AccessKey> keys = new java.util.ArrayList<>();
    for (var n : root.withArray("keys")) {
      keys.add(new AccessKey(n.path("accessKeyId").asText(), n.path("secretAccessKey").asText(),
          n.path("description").asText(""), n.path("created").asLong()));
    }
    return new Identity(file, clock, ids, account, keys);
  }

  public String accountId() { return accountId; }

  public List<AccessKey> keys() { return List.copyOf(keys); }

  public Optional<AccessKey> find(String accessKeyId) {
    reloadIfChanged();
    for (AccessKey k : keys) {
      if (k.accessKeyId().equals(accessKeyId)) return Optional.of(k);
    }
    return Optional.empty();
  }

  private void reloadIfChanged() {
    long now = System.currentTimeMillis();
    if (now - lastCheckMillis < 1000) return;
    lastCheckMillis = now;
    try {
      long modified = Files.getLastModifiedTime(file).toMillis();
      if (modified == fileModified) return;
      synchronized (this) {
        Identity fresh = read(file, clock, ids);
        if (fresh.accountId.equals(accountId)) {
          keys.clear();
          keys.addAll(fresh.keys);
        }
        fileModified = modified;
      }
    } catch (IOException | ThingTankException e) {
      // keep the keys we have; the file is being replaced or was damaged by hand
    }
  }

  /** Creates, stores and returns a new key pair. */
  public synchronized AccessKey create(String description) {
    AccessKey k = new AccessKey("AKIA" + ids.base32(16), ids.alphanumeric(40), description, clock.millis());
    keys.add(k);
    save();
    return k;
  }

  /** Deletes a key; false if there is none with that id. */
  public synchronized boolean delete(String accessKeyId) {
    boolean removed = keys.removeIf(k -> k.accessKeyId().equals(accessKeyId));
    if (removed) save();
    return removed;
  }

  private void save() {
    ObjectNode root = JSON.createObjectNode().put("accountId", accountId);
    ArrayNode arr = root.putArray("keys");
    for (AccessKey k : keys) {
      arr.addObject().put("accessKeyId", k.accessKeyId()).put("secretAccessKey", k.secretAccessKey())
          .put("description", k.description()).put("created", k.createdMillis());
    }
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      fileModified = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new ThingTankException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
