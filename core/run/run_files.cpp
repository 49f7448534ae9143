#include "core/run/run_files.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/input_error.h"
#include "core/run/json_numbers.h"

namespace fs = std::filesystem;

namespace isl {

namespace run_files {
std::string config_path(const std::string& run) { return (fs::path(run) / "config.json").string(); }
std::string metrics_path(const std::string& run) { return (fs::path(run) / "metrics.jsonl").string(); }
std::string checkpoint_directory(const std::string& run) { return (fs::path(run) / "checkpoints").string(); }
std::string latest_checkpoint_path(const std::string& run) {
  return (fs::path(checkpoint_directory(run)) / "latest.pt").string();
}
std::string snapshot_directory(const std::string& run) { return (fs::path(run) / "snapshots").string(); }
std::string snapshot_path(const std::string& run, int sequence) {
  char name[32];
  std::snprintf(name, sizeof name, "%06d.snap", sequence);
  return (fs::path(snapshot_directory(run)) / name).string();
}
}  // namespace run_files

void write_file_atomically(const std::string& path, const std::string& bytes) {
  write_file_atomically(path, [&bytes](std::ostream& out) { out.write(bytes.data(), std::streamsize(bytes.size())); });
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path, std::string("cannot be written (") + std::strerror(errno) + ")");
    produce(out);
    out.flush();
    if (!out) {
      out.close();
      std::remove(temporary.c_str());
      throw InputError(path, "could not be written completely (is the disk full?)");
    }
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) throw InputError(path, "cannot replace the file (" + error.message() + ")");
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw InputError(path, fs::exists(path) ? "cannot be read" : "does not exist");
  // One buffer of the file's size: a growing string stream would hold up to three times the
  // bytes of a large snapshot at its peak.
  const std::streamoff size = in.tellg();
  std::string bytes;
  if (size > 0) {
    bytes.resize(size_t(size));
    in.seekg(0);
    in.read(bytes.data(), size);
    bytes.resize(size_t(in.gcount()));
  }
  // Whatever the file gained since its size was taken (a log being appended to).
  in.clear();
  std::ostringstream rest;
  rest << in.rdbuf();
  bytes += rest.str();
  return bytes;
}

Config read_config_file(const std::string& path) { return config_from_json_text(read_whole_file(path), path); }

std::vector<MetricsLine> parse_metrics_lines(const std::string& text, const std::string& path) {
  std::vector<MetricsLine> lines;
  size_t start = 0;
  for (int number = 1; start < text.size(); ++number) {
    const size_t newline = text.find('\n', start);
    const bool finished = newline != std::string::npos;
    const size_t end = finished ? newline + 1 : text.size();
    const std::string line = text.substr(start, (finished ? newline : end) - start);
    start = end;
    if (line.empty()) continue;
    const std::string subject = path + ", line " + std::to_string(number);
    if (!finished) {
      try {
        lines.push_back({MetricsRecord::from_json(line, subject), end});
      } catch (const InputError&) {
        // still being written, or cut short by a crash
      }
      break;
    }
    lines.push_back({MetricsRecord::from_json(line, subject), end});
  }
  return lines;
}

std::vector<MetricsRecord> read_metrics_file(const std::string& path) {
  std::vector<MetricsRecord> records;
  for (auto& line : parse_metrics_lines(read_whole_file(path), path)) records.push_back(std::move(line.record));
  return records;
}

namespace {

constexpr char kMagic[] = "ISLSNAP1";
constexpr size_t kMagicSize = 8;

template <class T>
void write_array(std::ostream& out, const std::vector<T>& values) {
  out.write(reinterpret_cast<const char*>(values.data()), std::streamsize(values.size() * sizeof(T)));
}

class Reader {
 public:
  Reader(const std::string& bytes, const std::string& subject) : bytes_(bytes), subject_(subject) {}
  template <class T>
  std::vector<T> array(uint64_t count, const char* what) {
    if (count > (bytes_.size() - position_) / sizeof(T))
      throw InputError(subject_, std::string("is truncated (") + what + " incomplete)");
    std::vector<T> values(count);
    if (count) std::memcpy(values.data(), bytes_.data() + position_, count * sizeof(T));  // data() may be null
    position_ += count * sizeof(T);
    return values;
  }
  std::string text(uint64_t count, const char* what) {
    auto chars = array<char>(count, what);
    return std::string(chars.begin(), chars.end());
  }
  bool at_end() const { return position_ == bytes_.size(); }

 private:
  const std::string& bytes_;
  const std::string& subject_;
  size_t position_ = 0;
};

void check_rows(const SetRows& rows, int64_t images, const std::string& subject, const char* what) {
  bool ok = rows.offsets.size() == size_t(images) + 1 && rows.offsets.front() == 0 &&
            rows.offsets.back() == int64_t(rows.members.size()) && rows.rounds.size() == rows.members.size();
  for (size_t i = 1; ok && i < rows.offsets.size(); ++i) ok = rows.offsets[i] >= rows.offsets[i - 1];
  for (size_t k = 0; ok && k < rows.members.size(); ++k) ok = rows.members[k] >= 0 && rows.members[k] < images;
  if (!ok) throw InputError(subject, std::string("has inconsistent ") + what);
}

}  // namespace

void write_snapshot(std::ostream& out, const Snapshot& s) {
  nlohmann::json header = {
      {"round", s.round},           {"stage", to_string(s.stage)},
      {"epoch", s.epoch},           {"global_epoch", s.global_epoch},
      {"images", s.images},         {"num_classes", s.num_classes},
      {"positives", s.positives.members.size()}, {"euclidean", s.euclidean.members.size()},
      {"proxies", s.proxy_anchors.size()},       {"metrics", s.metrics},
      {"projection_dim", s.projection.dim}};
  const std::string header_text = header.dump();
  out.write(kMagic, kMagicSize);
  const uint64_t header_size = header_text.size();
  out.write(reinterpret_cast<const char*>(&header_size), sizeof header_size);
  out << header_text;
  write_array(out, s.points);
  write_array(out, s.labels);
  for (const SetRows* rows : {&s.positives, &s.euclidean}) {
    write_array(out, rows->offsets);
    write_array(out, rows->members);
    write_array(out, rows->rounds);
  }
  write_array(out, s.proxy_anchors);
  write_array(out, s.proxy_points);
  write_array(out, s.proxy_confidence);
  write_array(out, s.projection.mean);
  write_array(out, s.projection.axes);
}

std::string encode_snapshot(const Snapshot& s) {
  std::ostringstream out;
  write_snapshot(out, s);
  return std::move(out).str();
}

Snapshot decode_snapshot(const std::string& bytes, const std::string& subject) {
  if (bytes.size() < kMagicSize + 8 || bytes.compare(0, kMagicSize, kMagic) != 0)
    throw InputError(subject, "is not an ISL Studio snapshot (wrong or missing header)");
  Reader reader(bytes, subject);
  reader.array<char>(kMagicSize, "magic");
  const uint64_t header_size = reader.array<uint64_t>(1, "header size")[0];
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(reader.text(header_size, "header"));
    Snapshot s;
    s.round = json_whole_number<int>(header.at("round"), subject, "round");
    try {
      s.stage = stage_from_string(header.at("stage").get<std::string>());
    } catch (const InputError& error) {
      throw InputError(subject, "has an " + error.problem());
    }
    s.epoch = json_whole_number<int>(header.at("epoch"), subject, "epoch");
    s.global_epoch = json_whole_number<int>(header.at("global_epoch"), subject, "global_epoch");
    s.images = json_whole_number<int64_t>(header.at("images"), subject, "images");
    s.num_classes = json_whole_number<int>(header.at("num_classes"), subject, "num_classes");
    // A metric that is not a number (a precision with no anchor to average over) is stored as null.
    for (const auto& [key, value] : header.at("metrics").items())
      s.metrics[key] = value.is_null() ? std::numeric_limits<double>::quiet_NaN() : json_number(value, subject, key);
    if (s.images < 0 || s.num_classes < 0) throw InputError(subject, "has negative counts");
    const uint64_t n = uint64_t(s.images);
    s.points = reader.array<float>(3 * n, "points");
    s.labels = reader.array<int>(n, "labels");
    for (auto [rows, key] : {std::pair{&s.positives, "positives"}, std::pair{&s.euclidean, "euclidean"}}) {
      const uint64_t members = json_whole_number<uint64_t>(header.at(key), subject, key);
      rows->offsets = reader.array<int64_t>(n + 1, key);
      rows->members = reader.array<int64_t>(members, key);
      rows->rounds = reader.array<int16_t>(members, key);
      check_rows(*rows, s.images, subject, key);
    }
    const uint64_t proxies = json_whole_number<uint64_t>(header.at("proxies"), subject, "proxies");
    s.proxy_anchors = reader.array<int64_t>(proxies, "proxy anchors");
    s.proxy_points = reader.array<float>(3 * proxies, "proxy points");
    s.proxy_confidence = reader.array<float>(proxies, "proxy confidences");
    for (auto anchor : s.proxy_anchors)
      if (anchor < 0 || anchor >= s.images) throw InputError(subject, "has a proxy for an image that does not exist");
    // Files written before the projection was stored end here.
    if (header.contains("projection_dim")) {
      s.projection.dim = json_whole_number<int64_t>(header.at("projection_dim"), subject, "projection_dim");
      if (s.projection.dim < 0) throw InputError(subject, "has a negative projection_dim");
      s.projection.mean = reader.array<float>(uint64_t(s.projection.dim), "projection mean");
      s.projection.axes = reader.array<float>(3 * uint64_t(s.projection.dim), "projection axes");
    }
    for (int label : s.labels)
      if (label < 0 || label >= std::max(s.num_classes, 1)) throw InputError(subject, "has a label out of range");
    if (!reader.at_end()) throw InputError(subject, "has unexpected bytes after the data");
    return s;
  } catch (const nlohmann::json::exception& error) {
    throw InputError(subject, std::string("has a malformed header (") + error.what() + ")");
  }
}

void write_snapshot_file(const std::string& path, const Snapshot& snapshot) {
  // Straight to the file: a snapshot of ImageNet's 1.28M images is tens of MB.
  write_file_atomically(path, [&snapshot](std::ostream& out) { write_snapshot(out, snapshot); });
}

Snapshot read_snapshot_file(const std::string& path) { return decode_snapshot(read_whole_file(path), path); }

std::vector<std::string> list_snapshot_files(const std::string& run_directory) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(run_files::snapshot_directory(run_directory), error))
    if (entry.is_regular_file() && entry.path().extension() == ".snap") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace isl
