// Stand-alone insert of queue-scan-like rows (no parsing, no application): what the database alone
// costs per file for a given schema variant. Run through bench/insert-rows.sh. Variants are words
// joined by '-': base (the schema before V13: unique (source_id, rel_path), recipients' foreign
// key only with "fk"), nouniq (no unique path index), recpk (recipients keyed by
// message_id * 256 + n, no message_id index), nosender (no sender index), hashidx (an index on
// (source_id, path_hash)), fk (the foreign keys of V3), packed (no recipient rows at all),
// packrow (one recipient row per message, keyed by message id, the addresses in one string),
// lateidx (the sender index created after the load, timed), multirow (multi-row VALUES statements
// instead of a JDBC batch), tablefn (one INSERT ... SELECT FROM TABLE(...) of arrays per chunk, H2).
// V13's schema is "nouniq", V14's "nouniq-recpk". -Dchunk=N: files per transaction (default 2000).
import java.sql.*;
import java.time.*;
import java.util.*;
import java.lang.management.*;

public class InsertRows {
  public static void main(String[] a) throws Exception {
    String variant = a[0]; int files = Integer.parseInt(a[1]); String url = a[2];
    boolean pg = url.startsWith("jdbc:postgresql");
    try (Connection c = DriverManager.getConnection(url)) {
      Statement s = c.createStatement();
      s.execute("drop table if exists queue_recipient"); s.execute("drop table if exists queue_message"); s.execute("drop table if exists src");
      s.execute("create table src (id bigint primary key)"); s.execute("insert into src values (1)");
      s.execute("""
create table queue_message (id bigint primary key, source_id bigint not null, rel_path varchar(1024) not null, path_hash bigint not null,
 folder varchar(8) not null, size_bytes bigint not null, mtime timestamp with time zone not null, sha256 char(64), dialect varchar(16) not null,
 status varchar(12) not null, problem varchar(1000), sender varchar(320), sender_domain varchar(255), subject varchar(1000), from_header varchar(1000),
 message_id varchar(1000), date_header timestamp with time zone, first_hop varchar(1000), x_mailer varchar(300), recipient_count integer not null,
 warnings varchar(2000), first_seen timestamp with time zone not null, changed_at timestamp with time zone not null, gone_at timestamp with time zone, run_id bigint not null)""");
      if (!variant.contains("nouniq")) s.execute("alter table queue_message add constraint qm_u unique (source_id, rel_path)");
      if (variant.contains("hashidx")) s.execute("create index qm_h on queue_message (source_id, path_hash)");
      if (!variant.contains("nosender") && !variant.contains("lateidx")) s.execute("create index qm_s on queue_message (sender, folder)");
      s.execute("create index qm_p on queue_message (source_id, gone_at, folder)");
      boolean recpk = variant.contains("recpk");
      boolean packrow = variant.contains("packrow");
      if (packrow) { s.execute("create table queue_recipient (message_id bigint primary key, addresses varchar(100000) not null)"); }
      else if (recpk) { s.execute("create table queue_recipient (id bigint primary key, message_id bigint not null, address varchar(320) not null, domain varchar(255) not null, role char(1) not null)"); }
      else { s.execute("create table queue_recipient (message_id bigint not null, address varchar(320) not null, domain varchar(255) not null, role char(1) not null)");
        s.execute("create index qr_m on queue_recipient (message_id)"); }
      if (variant.contains("fk")) { s.execute("alter table queue_message add constraint f1 foreign key (source_id) references src (id) on delete cascade");
        s.execute("alter table queue_recipient add constraint f2 foreign key (message_id) references queue_message (id) on delete cascade"); }
      c.setAutoCommit(false);
      Random r = new Random(42);
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
      PreparedStatement pm = c.prepareStatement("insert into queue_message (id, source_id, rel_path, path_hash, folder, size_bytes, mtime, sha256, dialect, status, problem, sender, sender_domain, subject, from_header, message_id, date_header, first_hop, x_mailer, recipient_count, warnings, first_seen, changed_at, run_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      PreparedStatement pr = c.prepareStatement(packrow ? "insert into queue_recipient (message_id, addresses) values (?,?)" : recpk ? "insert into queue_recipient (id, message_id, address, domain, role) values (?,?,?,?,?)" : "insert into queue_recipient (message_id, address, domain, role) values (?,?,?,?)");
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      long rows = 0;
      boolean bulk = variant.contains("multirow") || variant.contains("tablefn");
      List<Object[]> mrows = new ArrayList<>(), rrows = new ArrayList<>();
      for (int i = 0; i < files; i++) {
        long id = i + 1;
        String path = (i % 3 == 0 ? "defer/" : "send/") + Long.toHexString(r.nextLong()) + ".000";
        int sn = (int) Math.abs(r.nextGaussian() * 800) ; String sender = "user" + sn + "@example.org";
        int k = 1;
        Object[] pmv = new Object[24];
        put(pm, pmv, bulk, k++, id); put(pm, pmv, bulk, k++, 1); put(pm, pmv, bulk, k++, path); put(pm, pmv, bulk, k++, path.hashCode() * 31L + i); put(pm, pmv, bulk, k++, "SEND");
        put(pm, pmv, bulk, k++, 5000); put(pm, pmv, bulk, k++, now.minusSeconds(r.nextInt(400000))); put(pm, pmv, bulk, k++, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        put(pm, pmv, bulk, k++, "XML_ENVELOPE"); put(pm, pmv, bulk, k++, "PARSED"); put(pm, pmv, bulk, k++, null); put(pm, pmv, bulk, k++, sender); put(pm, pmv, bulk, k++, "example.org");
        put(pm, pmv, bulk, k++, "Your invoice " + r.nextInt(100000) + " is ready"); put(pm, pmv, bulk, k++, "\"User\" <" + sender + ">"); put(pm, pmv, bulk, k++, "<" + Long.toHexString(r.nextLong()) + "@example.org>");
        put(pm, pmv, bulk, k++, now); put(pm, pmv, bulk, k++, "from [10.1.2.3] by gwia.example.org"); put(pm, pmv, bulk, k++, "Mailer 1.0"); int n = 1 + r.nextInt(12); put(pm, pmv, bulk, k++, n);
        put(pm, pmv, bulk, k++, ""); put(pm, pmv, bulk, k++, now); put(pm, pmv, bulk, k++, now); put(pm, pmv, bulk, k++, 1);
        if (bulk) { Object[] row = new Object[24]; for (int q = 0; q < 24; q++) row[q] = pmv[q]; mrows.add(row); } else pm.addBatch();
        if (packrow) {
          StringBuilder all = new StringBuilder();
          for (int j = 0; j < n; j++) { int d = r.nextInt(3000); all.append('R').append("rcpt").append(r.nextInt(200000)).append("@domain").append(d).append(".com\n"); rows++; }
          pr.setLong(1, id); pr.setString(2, all.toString()); pr.addBatch();
        }
        else if (variant.contains("packed")) { for (int j = 0; j < n; j++) { r.nextInt(3000); r.nextInt(200000); rows++; } }
        else for (int j = 0; j < n; j++) {
          int d = r.nextInt(3000); String addr = "rcpt" + r.nextInt(200000) + "@domain" + d + ".com";
          int q = 1; if (recpk) pr.setLong(q++, id * 256 + j);
          if (bulk) rrows.add(new Object[] { id, addr, "domain" + d + ".com", "R" });
          else { pr.setLong(q++, id); pr.setString(q++, addr); pr.setString(q++, "domain" + d + ".com"); pr.setString(q++, "R"); pr.addBatch(); }
          rows++;
        }
        if ((i + 1) % Integer.getInteger("chunk", 2000) == 0) { flush(c, variant, pm, pr, mrows, rrows); c.commit(); }
      }
      flush(c, variant, pm, pr, mrows, rrows); c.commit();
      if (variant.contains("lateidx")) { long i0 = System.nanoTime(); s.execute("create index qm_s on queue_message (sender, folder)"); c.commit(); System.out.printf("create index: %.1f s%n", (System.nanoTime() - i0) / 1e9); }
      long cpu = os.getProcessCpuTime() - cpu0, wall = System.nanoTime() - t0;
      System.out.printf("%s files=%d recipients=%d wall=%.1fs cpu=%.1fs cpu/file=%d us%n", variant, files, rows, wall / 1e9, cpu / 1e9, cpu / 1000 / files);
    }
    }

  static void put(PreparedStatement pm, Object[] values, boolean bulk, int k, Object value) throws SQLException {
    if (bulk) values[k - 1] = value; else pm.setObject(k, value);
  }

  static final String MCOLS = "id, source_id, rel_path, path_hash, folder, size_bytes, mtime, sha256, dialect, status, problem, sender, sender_domain, subject, from_header, message_id, date_header, first_hop, x_mailer, recipient_count, warnings, first_seen, changed_at, run_id";
  static final String MTYPES = "bigint,bigint,varchar(1024),bigint,varchar(8),bigint,timestamp with time zone,char(64),varchar(16),varchar(12),varchar(1000),varchar(320),varchar(255),varchar(1000),varchar(1000),varchar(1000),timestamp with time zone,varchar(1000),varchar(300),integer,varchar(2000),timestamp with time zone,timestamp with time zone,bigint";

  static void flush(Connection c, String variant, PreparedStatement pm, PreparedStatement pr, List<Object[]> mrows, List<Object[]> rrows) throws SQLException {
    if (variant.contains("multirow")) {
      multirow(c, "queue_message", MCOLS, mrows, 32);
      multirow(c, "queue_recipient", "message_id, address, domain, role", rrows, 128);
    } else if (variant.contains("tablefn")) {
      tablefn(c, "queue_message", MCOLS, MTYPES, mrows);
      tablefn(c, "queue_recipient", "message_id, address, domain, role", "bigint,varchar(320),varchar(255),char(1)", rrows);
    } else { pm.executeBatch(); pr.executeBatch(); }
    mrows.clear(); rrows.clear();
  }

  static void multirow(Connection c, String table, String cols, List<Object[]> rows, int per) throws SQLException {
    int width = cols.split(",").length;
    String one = "(" + String.join(",", Collections.nCopies(width, "?")) + ")";
    for (int from = 0; from < rows.size(); from += per) {
      int n = Math.min(per, rows.size() - from);
      try (PreparedStatement st = c.prepareStatement("insert into " + table + " (" + cols + ") values " + String.join(",", Collections.nCopies(n, one)))) {
        int k = 1;
        for (Object[] row : rows.subList(from, from + n)) for (Object v : row) st.setObject(k++, v);
        st.executeUpdate();
      }
    }
  }

  static void tablefn(Connection c, String table, String cols, String types, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) return;
    String[] names = cols.split(",\\s*"); String[] ts = types.split(",(?![0-9])");
    StringBuilder sql = new StringBuilder("insert into " + table + " (" + cols + ") select * from table(");
    for (int i = 0; i < names.length; i++) { if (i > 0) sql.append(", "); sql.append(names[i]).append(' ').append(ts[i]).append(" = ?"); }
    sql.append(')');
    try (PreparedStatement st = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < names.length; i++) { Object[] col = new Object[rows.size()]; for (int j = 0; j < col.length; j++) col[j] = rows.get(j)[i]; st.setObject(i + 1, col); }
      st.executeUpdate();
    }
  }
}
