// Whether memory stays bounded over a long run: starts isl-train with a schedule that writes a
// snapshot every few seconds and, unless --no-app, isl-studio following the same run
// directory, and samples each process's resident memory (VmRSS of /proc/PID/status) once per
// interval. Prints one JSON object per sample and, at the end, one summary per process: RSS
// at 10%, 50% and 100% of its samples, the largest, and the growth over the second half as a
// least-squares slope against the number of snapshots written. The application needs an X
// display: run the benchmark under xvfb-run.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>

#include <cmath>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace {

using json = nlohmann::ordered_json;  // keys in the order written

void print(const json& line) { std::cout << line.dump() << std::endl; }

double round2(double value) { return std::round(value * 100) / 100; }

// Resident memory of a live process, in MiB: all of it, and the anonymous part (heap and
// other private allocations, without mapped files such as the shared libraries).
struct Memory {
  double rss_mib = 0;
  double anon_mib = 0;
};

std::optional<Memory> read_memory(qint64 pid) {
  QFile status(QString("/proc/%1/status").arg(pid));
  if (!status.open(QIODevice::ReadOnly)) return std::nullopt;
  Memory memory;
  bool found = false;
  for (const QByteArray& line : status.readAll().split('\n')) {
    const QList<QByteArray> words = line.simplified().split(' ');
    if (words.size() < 2) continue;
    const double mib = words[1].toDouble() / 1024;  // the kernel reports kB
    if (words[0] == "VmRSS:") memory.rss_mib = mib, found = true;
    else if (words[0] == "RssAnon:") memory.anon_mib = mib;
  }
  if (!found) return std::nullopt;
  return memory;
}

struct Sample {
  double seconds;
  double rss_mib;
  double anon_mib;
  int snapshots;
  double snapshot_kib;  // size of the newest snapshot file
};

// Least-squares slope of y over x; none when x does not vary.
std::optional<double> slope(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = double(x.size());
  if (x.size() < 2) return std::nullopt;
  double mean_x = 0, mean_y = 0;
  for (size_t i = 0; i < x.size(); ++i) mean_x += x[i] / n, mean_y += y[i] / n;
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mean_x) * (y[i] - mean_y);
    sxx += (x[i] - mean_x) * (x[i] - mean_x);
  }
  if (sxx <= 0) return std::nullopt;
  return sxy / sxx;
}

json or_null(const std::optional<double>& value) { return value ? json(round2(*value)) : json(nullptr); }

json summary(const std::vector<Sample>& samples) {
  if (samples.empty()) return {{"samples", 0}};
  auto at = [&](double fraction) { return round2(samples[size_t(std::lround(fraction * double(samples.size() - 1)))].rss_mib); };
  double largest = 0;
  for (const Sample& s : samples) largest = std::max(largest, s.rss_mib);
  // The second half of the process's samples, by time.
  const double first = samples.front().seconds, last = samples.back().seconds;
  std::vector<double> snapshots, minutes, rss, anon;
  for (const Sample& s : samples) {
    if (s.seconds < (first + last) / 2) continue;
    snapshots.push_back(s.snapshots);
    minutes.push_back(s.seconds / 60);
    rss.push_back(s.rss_mib);
    anon.push_back(s.anon_mib);
  }
  auto per_100 = [](std::optional<double> value) { return value ? std::optional<double>(*value * 100) : std::nullopt; };
  return {{"samples", samples.size()},
          {"seconds", round2(last - first)},
          {"snapshots", samples.back().snapshots},
          {"snapshot_kib_first", round2(samples.front().snapshot_kib)},
          {"snapshot_kib_last", round2(samples.back().snapshot_kib)},
          {"rss_mib_at_10pct", at(0.1)},
          {"rss_mib_at_50pct", at(0.5)},
          {"rss_mib_at_100pct", at(1.0)},
          {"rss_mib_max", round2(largest)},
          {"growth_mib_per_100_snapshots_second_half", or_null(per_100(slope(snapshots, rss)))},
          {"anon_growth_mib_per_100_snapshots_second_half", or_null(per_100(slope(snapshots, anon)))},
          {"growth_mib_per_minute_second_half", or_null(slope(minutes, rss))}};
}

// The trainer's flags: the benchmark's schedule, where `extra` (flags after --) replaces a
// flag of the same name or adds one. isl-train refuses a flag given twice.
QStringList train_arguments(const QStringList& schedule, const QStringList& extra) {
  auto name_of = [](const QString& word) { return word.section('=', 0, 0); };
  QStringList replaced;
  for (const QString& word : extra)
    if (word.startsWith("--")) replaced << name_of(word);
  QStringList arguments;
  for (qsizetype i = 0; i < schedule.size(); i += 2)
    if (!replaced.contains(schedule[i])) arguments << schedule[i] << schedule[i + 1];
  return arguments + extra;
}

class Bench : public QObject {
 public:
  struct Options {
    QString run_directory, log_directory;
    QStringList train_arguments;
    double duration_s, interval_s, settle_s;
    bool app;
  };

  explicit Bench(Options options) : options_(std::move(options)) {
    clock_.start();
    train_.setProgram(ISL_TRAIN_EXECUTABLE);
    train_.setArguments(QStringList{"--out", options_.run_directory} + options_.train_arguments);
    train_.setProcessChannelMode(QProcess::MergedChannels);
    train_.setStandardOutputFile(options_.log_directory + "/isl-train.log");
    connect(&train_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
      train_exit_ = status == QProcess::NormalExit ? code : -1;
      train_ended_s_ = seconds();
    });
    studio_.setProgram(ISL_STUDIO_EXECUTABLE);
    studio_.setArguments({options_.run_directory});
    studio_.setProcessChannelMode(QProcess::MergedChannels);
    studio_.setStandardOutputFile(options_.log_directory + "/isl-studio.log");
    // Its own settings folder, so the benchmark neither reads nor changes the user's.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("XDG_CONFIG_HOME", options_.log_directory + "/config");
    studio_.setProcessEnvironment(environment);
    connect(&studio_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
      if (!stopping_studio_) studio_error_ = QString("isl-studio exited early (status %1%2); see %3/isl-studio.log")
                                                 .arg(code).arg(status == QProcess::CrashExit ? ", crashed" : "")
                                                 .arg(options_.log_directory);
    });
    tick_.setInterval(int(options_.interval_s * 1000));
    connect(&tick_, &QTimer::timeout, this, &Bench::step);
  }

  void start() {
    print({{"bench", "memory"},
           {"run_directory", options_.run_directory.toStdString()},
           {"logs", options_.log_directory.toStdString()},
           {"train_arguments", options_.train_arguments.join(' ').toStdString()},
           {"app", options_.app},
           {"interval_s", options_.interval_s}});
    train_.start();
    if (!train_.waitForStarted()) {
      std::cerr << "cannot start " << ISL_TRAIN_EXECUTABLE << ": " << train_.errorString().toStdString() << "\n";
      QCoreApplication::exit(2);
      return;
    }
    tick_.start();
    step();
  }

 private:
  double seconds() const { return double(clock_.nsecsElapsed()) / 1e9; }

  // Snapshots written so far, and the newest one's size (it grows with the positive sets).
  std::pair<int, double> snapshots() const {
    const QFileInfoList files = QDir(options_.run_directory + "/snapshots").entryInfoList({"*.snap"}, QDir::Files, QDir::Name);
    return {int(files.size()), files.isEmpty() ? 0.0 : double(files.back().size()) / 1024};
  }

  void sample() {
    const auto [written, newest_kib] = snapshots();
    const double now = seconds();
    for (auto [process, name] : {std::pair{&train_, "isl-train"}, std::pair{&studio_, "isl-studio"}}) {
      if (process->state() != QProcess::Running) continue;
      const auto memory = read_memory(process->processId());
      // Nothing yet, or a process between fork and exec.
      if (!memory || memory->rss_mib < 1) continue;
      samples_[name].push_back({now, memory->rss_mib, memory->anon_mib, written, newest_kib});
      print({{"process", name}, {"seconds", round2(now)}, {"rss_mib", round2(memory->rss_mib)},
             {"anon_mib", round2(memory->anon_mib)}, {"snapshots", written}, {"snapshot_kib", round2(newest_kib)}});
    }
  }

  void step() {
    const double now = seconds();
    // The application opens the run once isl-train has written its config.json.
    if (options_.app && studio_.state() == QProcess::NotRunning && studio_error_.isEmpty() && !train_ended_s_ &&
        QFile::exists(options_.run_directory + "/config.json")) {
      studio_.start();
      if (!studio_.waitForStarted()) studio_error_ = "cannot start isl-studio: " + studio_.errorString();
    }
    if (train_.state() == QProcess::Running && now > options_.duration_s && !stop_sent_) {
      train_.terminate();  // SIGTERM: isl-train finishes the iteration and writes a checkpoint
      stop_sent_ = true;
    }
    if (train_ended_s_ && now >= *train_ended_s_ + options_.settle_s) return finish();
    sample();
  }

  void finish() {
    tick_.stop();
    if (studio_.state() == QProcess::Running) {
      stopping_studio_ = true;
      studio_.terminate();
      if (!studio_.waitForFinished(10000)) studio_.kill(), studio_.waitForFinished();
    }
    // Stopped by the duration limit (status 3) is as good as finished.
    const bool train_ok = train_exit_ == 0 || (stop_sent_ && train_exit_ == 3);
    print({{"process", "isl-train"}, {"summary", summary(samples_["isl-train"])}, {"exit_status", train_exit_},
           {"stopped_at_duration", stop_sent_}});
    if (options_.app) {
      json line = {{"process", "isl-studio"}, {"summary", summary(samples_["isl-studio"])}};
      if (!studio_error_.isEmpty()) line["error"] = studio_error_.toStdString();
      print(line);
    }
    if (!train_ok) std::cerr << "isl-train failed (status " << train_exit_ << "); see " << options_.log_directory.toStdString() << "/isl-train.log\n";
    QCoreApplication::exit(train_ok && studio_error_.isEmpty() ? 0 : 1);
  }

  Options options_;
  QElapsedTimer clock_;
  QProcess train_, studio_;
  QTimer tick_;
  std::map<std::string, std::vector<Sample>> samples_;
  std::optional<double> train_ended_s_;
  int train_exit_ = -1;
  bool stop_sent_ = false;
  bool stopping_studio_ = false;
  QString studio_error_;
};

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Resident memory of isl-train and of isl-studio following its run, sampled over a long run; prints JSON "
      "lines. Flags after -- go to isl-train and replace the benchmark's flags of the same name.");
  parser.addHelpOption();
  QCommandLineOption rounds("rounds", "Rounds of one backbone epoch, up to two GAN and two mining epochs: about five snapshots each.", "n", "40");
  QCommandLineOption images("train-images", "Training images.", "n", "1000");
  QCommandLineOption duration("duration", "Longest run in seconds; isl-train is then stopped (SIGTERM).", "s", "720");
  QCommandLineOption interval("interval", "Seconds between samples.", "s", "1");
  QCommandLineOption settle("settle", "Seconds the application is sampled after the trainer ends.", "s", "10");
  QCommandLineOption no_app("no-app", "Measure isl-train alone.");
  QCommandLineOption out("out", "Keep the run directory (DIR/run) and the programs' logs in DIR; default: a temporary folder.", "dir");
  parser.addOptions({rounds, images, duration, interval, settle, no_app, out});
  parser.addPositionalArgument("isl-train flags", "after --", "[-- flags...]");
  parser.process(app);

  const bool with_app = !parser.isSet(no_app);
  if (with_app && qEnvironmentVariableIsEmpty("DISPLAY")) {
    std::cerr << "isl-studio needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\", or pass --no-app\n";
    return 2;
  }
  std::unique_ptr<QTemporaryDir> temporary;
  QString directory = parser.value(out);
  if (directory.isEmpty()) {
    temporary = std::make_unique<QTemporaryDir>();
    directory = temporary->path();
  } else if (QDir(directory + "/run").exists()) {
    std::cerr << directory.toStdString() << "/run exists already; choose a new --out folder\n";
    return 2;
  }
  QDir().mkpath(directory);
  directory = QDir(directory).absolutePath();

  // Short stages so snapshots come every few seconds: one backbone epoch per round (the
  // slow part), then GAN and mining epochs, each of which writes a snapshot too. Mining runs
  // but adds nothing (no proxy's confidence exceeds 1), so every snapshot has the same size
  // and any growth is the programs' own. `-- --confidence-threshold 0.5` (the method's
  // default) lets positive sets grow after a few dozen rounds, and the snapshots with them.
  const QStringList schedule = {
      "--max-train-images", parser.value(images), "--max-test-images", "500",
      "--method", "isl", "--rounds", parser.value(rounds),
      "--backbone-epochs", "1", "--gan-epochs", "2", "--gan-min-epochs-first-round", "0",
      "--mining-epochs", "2", "--snapshot-every", "1", "--eval-every", "1",
      "--confidence-threshold", "1", "--device", "cpu"};
  Bench::Options options{directory + "/run", directory,
                         train_arguments(schedule, parser.positionalArguments()),
                         parser.value(duration).toDouble(), std::max(parser.value(interval).toDouble(), 0.05),
                         parser.value(settle).toDouble(), with_app};
  Bench bench(options);
  QTimer::singleShot(0, &bench, &Bench::start);
  return app.exec();
}
