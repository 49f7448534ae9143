// metrics.jsonl as the trainer writes it: appended line by line, trimmed on resuming, read
// while a run is still writing it.
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <fstream>

#include "core/input_error.h"
#include "core/run/metrics_log.h"
#include "core/run/run_files.h"
#include "test_registry.h"

using namespace isl;

namespace {
MetricsRecord record_of_epoch(int epoch) {
  MetricsRecord r;
  r.kind = "epoch";
  r.epoch = epoch;
  r.global_epoch = epoch;
  r.seconds = 1.5 * epoch;
  r.values = {{"loss", 5.0 - 0.01 * epoch}};
  return r;
}

ino_t inode_of(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 0;
  return info.st_ino;
}

// Bytes this process has handed to write() so far (/proc/self/io, "wchar").
long long bytes_written_by_process() {
  std::ifstream io("/proc/self/io");
  std::string key;
  long long value = 0;
  while (io >> key >> value)
    if (key == "wchar:") return value;
  return -1;
}

void add_to_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::app) << bytes;
}
}  // namespace

class TestMetricsLog : public QObject {
  Q_OBJECT
 private slots:
  void appending_leaves_earlier_lines_in_place() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("metrics.jsonl").toStdString();
    write_file_atomically(path, "");
    MetricsLog log(path);
    log.restore(0);
    log.append(record_of_epoch(1));
    const std::string first = read_whole_file(path);
    const ino_t inode = inode_of(path);
    QVERIFY(inode != 0);

    const long long before = bytes_written_by_process();
    QVERIFY(before >= 0);
    constexpr int kRecords = 200;
    for (int e = 2; e <= kRecords; ++e) log.append(record_of_epoch(e));
    const long long written = bytes_written_by_process() - before;
    const std::string text = read_whole_file(path);

    QCOMPARE(log.lines(), size_t(kRecords));
    QCOMPARE(inode_of(path), inode);  // the same file, not a replacement
    QCOMPARE(text.substr(0, first.size()), first);
    // Writing every line once: the bytes written are those the file gained, not the whole
    // file again per line.
    QVERIFY2(written <= 2 * (long long)(text.size() - first.size()),
             qPrintable(QString("%1 bytes written for %2 new").arg(written).arg(text.size() - first.size())));
    const auto records = read_metrics_file(path);
    QCOMPARE(records.size(), size_t(kRecords));
    QCOMPARE(records.back().epoch, kRecords);
  }

  void readers_skip_a_line_still_being_written() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("metrics.jsonl").toStdString();
    const std::string complete = record_of_epoch(1).to_json() + "\n" + record_of_epoch(2).to_json() + "\n";
    const std::string third = record_of_epoch(3).to_json();
    write_file_atomically(path, complete + third.substr(0, third.size() / 2));
    auto records = read_metrics_file(path);
    QCOMPARE(records.size(), size_t(2));
    QCOMPARE(records.back().epoch, 2);
    // Whole but for its newline, the line already counts.
    write_file_atomically(path, complete + third);
    records = read_metrics_file(path);
    QCOMPARE(records.size(), size_t(3));
    // A damaged line before the last is still an error naming the line.
    write_file_atomically(path, "{\"kind\":\n" + complete);
    try {
      read_metrics_file(path);
      QFAIL("a damaged first line was accepted");
    } catch (const InputError& error) {
      QVERIFY2(std::string(error.what()).find("line 1") != std::string::npos, error.what());
    }
  }

  void restore_drops_a_torn_last_line() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("metrics.jsonl").toStdString();
    write_file_atomically(path, "");
    {
      MetricsLog log(path);
      log.restore(0);
      for (int e = 1; e <= 3; ++e) log.append(record_of_epoch(e));
    }
    const std::string three = read_whole_file(path);
    const std::string torn = record_of_epoch(4).to_json().substr(0, 20);
    add_to_file(path, torn);

    MetricsLog log(path);
    try {
      log.restore(4);  // the torn line is not one of the lines a checkpoint can count
      QFAIL("restore counted a torn line");
    } catch (const InputError& error) {
      QVERIFY2(std::string(error.what()).find("has 3 lines") != std::string::npos, error.what());
    }
    log.restore(3);
    QCOMPARE(read_whole_file(path), three);
    log.append(record_of_epoch(4));
    const auto records = read_metrics_file(path);
    QCOMPARE(records.size(), size_t(4));
    QCOMPARE(records.back().epoch, 4);
  }

  void restore_trims_to_the_checkpoints_lines() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("metrics.jsonl").toStdString();
    std::string lines;
    for (int e = 1; e <= 5; ++e) lines += record_of_epoch(e).to_json() + "\n";
    write_file_atomically(path, lines);
    MetricsLog log(path);
    log.restore(2);
    QCOMPARE(log.lines(), size_t(2));
    const std::string kept = read_whole_file(path);
    QCOMPARE(kept, lines.substr(0, kept.size()));
    QCOMPARE(read_metrics_file(path).size(), size_t(2));
    log.append(record_of_epoch(9));
    const auto records = read_metrics_file(path);
    QCOMPARE(records.size(), size_t(3));
    QCOMPARE(records[1].epoch, 2);
    QCOMPARE(records[2].epoch, 9);
    QCOMPARE(log.lines(), size_t(3));
  }

  // A kept last line whole but for its newline gets the newline back before the next line.
  void restore_ends_the_last_kept_line() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("metrics.jsonl").toStdString();
    write_file_atomically(path, record_of_epoch(1).to_json() + "\n" + record_of_epoch(2).to_json());
    MetricsLog log(path);
    log.restore(2);
    log.append(record_of_epoch(3));
    const auto records = read_metrics_file(path);
    QCOMPARE(records.size(), size_t(3));
    QCOMPARE(records[1].epoch, 2);
    QCOMPARE(records[2].epoch, 3);
  }

  void an_unwritable_log_names_the_file() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("missing/metrics.jsonl").toStdString();
    MetricsLog log(path);
    try {
      log.append(record_of_epoch(1));
      QFAIL("appending to a file in a missing folder succeeded");
    } catch (const InputError& error) {
      QVERIFY2(std::string(error.what()).find(path) != std::string::npos, error.what());
    }
  }
};

ISL_REGISTER_TEST(TestMetricsLog);
#include "test_metrics_log.moc"
