#include "report_program.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace isl::cli {

namespace {

// isl-report beside the running executable; empty where there is none.
std::string report_program() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  const auto program = self.parent_path() / "isl-report";
  return access(program.c_str(), X_OK) == 0 ? program.string() : std::string();
}

}  // namespace

int make_experiment_report(const std::string& folder) {
  const std::string program = report_program();
  if (program.empty()) {
    std::printf("report: build isl-report (a build with Qt makes it beside isl-train) and run `isl-report %s`\n",
                folder.c_str());
    return 0;
  }
  std::fflush(stdout);
  std::fprintf(stderr, "\n== report: %s %s\n", program.c_str(), folder.c_str());
  std::fflush(stderr);
  // Run without a shell, so that no character of the folder's name is interpreted.
  char* const arguments[] = {const_cast<char*>(program.c_str()), const_cast<char*>(folder.c_str()), nullptr};
  pid_t child = 0;
  const int spawned = posix_spawn(&child, program.c_str(), nullptr, nullptr, arguments, environ);
  if (spawned != 0) {
    std::fprintf(stderr, "error: %s could not be started (%s)\n", program.c_str(), std::strerror(spawned));
    return 1;
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) {
      std::fprintf(stderr, "error: waiting for %s failed (%s)\n", program.c_str(), std::strerror(errno));
      return 1;
    }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return 0;
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::fprintf(stderr, "error: %s ended with status %d; the runs and summary.csv are complete, "
                       "and `isl-report %s` makes the report again\n", program.c_str(), code, folder.c_str());
  return code;
}

}  // namespace isl::cli
