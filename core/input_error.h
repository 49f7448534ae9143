#pragma once
#include <stdexcept>
#include <string>

namespace isl {

// Bad input from outside the program: a data set file, a checkpoint, a config value.
// The message always names the thing (file path or setting) and the problem, so it can be
// shown to a user as is.
class InputError : public std::runtime_error {
 public:
  InputError(std::string subject, std::string problem)
      : std::runtime_error(subject + ": " + problem),
        subject_(std::move(subject)),
        problem_(std::move(problem)) {}
  const std::string& subject() const { return subject_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string subject_;
  std::string problem_;
};

}  // namespace isl
