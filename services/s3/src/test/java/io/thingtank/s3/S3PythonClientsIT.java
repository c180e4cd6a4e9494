package io.thingtank.s3;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boto3 upload_file/download_file (s3transfer multipart, default checksums) and the AWS CLI, run by the machine python. */
class S3PythonClientsIT {
  @TempDir static Path dir;
  @TempDir static Path work;
  static S3TestNode tt;

  @BeforeAll static void start() { tt = new S3TestNode(dir); }

  @AfterAll static void stop() { tt.close(); }

  @Test void boto3AndAwsCli() throws Exception { PythonScript.run(tt, "s3_clients.py", work); }
}
