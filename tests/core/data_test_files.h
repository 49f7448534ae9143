#pragma once
#include <QString>
#include <QTest>

#include <cstdint>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/input_error.h"

// Helpers shared by the data set tests: writing raw files and checking InputErrors.
namespace isl::test {

inline void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

inline void append_big_endian(std::vector<uint8_t>& bytes, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(uint8_t(value >> shift));
}

// Runs `action` and checks that it throws an InputError whose message names `subject` and
// contains `problem_word`.
inline void expect_input_error(const std::function<void()>& action, const std::string& subject,
                               const std::string& problem_word) {
  try {
    action();
  } catch (const isl::InputError& error) {
    const std::string message = error.what();
    QVERIFY2(message.find(subject) != std::string::npos, ("message does not name " + subject + ": " + message).c_str());
    QVERIFY2(message.find(problem_word) != std::string::npos,
             ("message lacks '" + problem_word + "': " + message).c_str());
    return;
  }
  QFAIL(("no InputError for " + subject).c_str());
}

}  // namespace isl::test
