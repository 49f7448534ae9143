// TensorFlow's event files, encoded by hand: the format is small and stable, and a protobuf
// library would be a dependency for five fields.
//   record:  uint64 length, uint32 masked CRC32C of those 8 bytes, data, uint32 masked CRC32C
//            of the data (tensorflow/core/lib/io/record_writer.cc), all little-endian
//   Event:   wall_time = 1 (double), step = 2 (int64), file_version = 3 (string), summary = 5
//   Summary: repeated Value value = 1;  Value: tag = 1 (string), simple_value = 2 (float)
//            (tensorflow/core/util/event.proto, tensorflow/core/framework/summary.proto)
#include "core/run/tensorboard_events.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <ctime>
#include <filesystem>

#include "core/input_error.h"
#include "core/run/run_files.h"

namespace isl {

namespace {

// CRC-32C (Castagnoli), reflected polynomial 0x82F63B78, as the record format requires.
constexpr std::array<uint32_t, 256> kCrc32cTable = [] {
  std::array<uint32_t, 256> table{};
  for (uint32_t byte = 0; byte < 256; ++byte) {
    uint32_t crc = byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 1) ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
    table[byte] = crc;
  }
  return table;
}();

uint32_t crc32c(const std::string& bytes) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : bytes) crc = kCrc32cTable[(crc ^ c) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

// The record format stores CRCs rotated and offset, so that a CRC of bytes that themselves
// hold CRCs stays well distributed.
uint32_t masked_crc32c(const std::string& bytes) {
  const uint32_t crc = crc32c(bytes);
  return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

void put_little_endian(std::string& out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += char((value >> (8 * i)) & 0xFF);
}

// Protocol buffers' wire format: a key (field number and wire type), then the value.
enum WireType { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

void put_varint(std::string& out, uint64_t value) {
  while (value >= 0x80) {
    out += char((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += char(value);
}

void put_key(std::string& out, int field, WireType type) { put_varint(out, uint64_t(field) << 3 | type); }

void put_double(std::string& out, int field, double value) {
  put_key(out, field, kFixed64);
  put_little_endian(out, std::bit_cast<uint64_t>(value), 8);
}

void put_float(std::string& out, int field, float value) {
  put_key(out, field, kFixed32);
  put_little_endian(out, std::bit_cast<uint32_t>(value), 4);
}

void put_int64(std::string& out, int field, int64_t value) {
  put_key(out, field, kVarint);
  put_varint(out, uint64_t(value));
}

void put_bytes(std::string& out, int field, const std::string& bytes) {
  put_key(out, field, kLengthDelimited);
  put_varint(out, bytes.size());
  out += bytes;
}

namespace event {
constexpr int kWallTime = 1, kStep = 2, kFileVersion = 3, kSummary = 5;
}
namespace summary {
constexpr int kValue = 1;
}
namespace value {
constexpr int kTag = 1, kSimpleValue = 2;
}

void put_record(std::string& out, const std::string& data) {
  std::string length;
  put_little_endian(length, data.size(), 8);
  out += length;
  put_little_endian(out, masked_crc32c(length), 4);
  out += data;
  put_little_endian(out, masked_crc32c(data), 4);
}

std::string scalar_event(double wall_time, int64_t step, const std::string& tag, float simple_value) {
  std::string value_message;
  put_bytes(value_message, value::kTag, tag);
  put_float(value_message, value::kSimpleValue, simple_value);
  std::string summary_message;
  put_bytes(summary_message, summary::kValue, value_message);
  std::string event_message;
  put_double(event_message, event::kWallTime, wall_time);
  put_int64(event_message, event::kStep, step);
  put_bytes(event_message, event::kSummary, summary_message);
  return event_message;
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

}  // namespace

std::string export_tensorboard_scalars(const std::vector<MetricsRecord>& records, const std::string& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) throw InputError(directory, "cannot be created (" + error.message() + ")");
  const std::time_t now = std::time(nullptr);
  double last_seconds = 0;
  for (const auto& record : records) last_seconds = std::max(last_seconds, record.seconds);
  const double start = double(now) - last_seconds;

  std::string bytes;
  std::string header;
  put_double(header, event::kWallTime, start);
  put_bytes(header, event::kFileVersion, "brain.Event:2");
  put_record(bytes, header);
  int gan_epochs = 0, mining_epochs = 0;
  for (const auto& record : records) {
    std::string prefix = record.kind;
    int64_t step = record.global_epoch;
    if (record.kind == "epoch") {
      prefix = to_string(record.stage);
      if (record.stage == Stage::Gan) step = ++gan_epochs;
      if (record.stage == Stage::Mining) step = ++mining_epochs;
    }
    for (const auto& [key, value] : record.values)
      if (std::isfinite(value))
        put_record(bytes, scalar_event(start + record.seconds, step, prefix + "/" + key, float(value)));
  }
  const std::string path =
      (std::filesystem::path(directory) / ("events.out.tfevents." + std::to_string(now) + "." + host_name())).string();
  write_file_atomically(path, bytes);
  return path;
}

}  // namespace isl
