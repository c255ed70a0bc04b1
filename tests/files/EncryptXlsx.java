// Fixture producer: Apache POI (Debian's libapache-poi-java) encrypts an .xlsx with a password the way
// Excel does — a CFB container holding EncryptionInfo and EncryptedPackage streams (MS-OFFCRYPTO).
// Run by make-encrypted.sh with `java -cp <poi jars> EncryptXlsx.java in.xlsx out.xlsx password mode`.
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

public class EncryptXlsx {
  public static void main(String[] args) throws Exception {
    EncryptionMode mode = "standard".equals(args[3]) ? EncryptionMode.standard : EncryptionMode.agile;
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      Encryptor enc = new EncryptionInfo(mode).getEncryptor();
      enc.confirmPassword(args[2]);
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(Files.readAllBytes(Paths.get(args[0])));
      }
      try (FileOutputStream out = new FileOutputStream(args[1])) {
        fs.writeFilesystem(out);
      }
    }
  }
}
