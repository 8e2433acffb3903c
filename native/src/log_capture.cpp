// Per-thread capture of RDKit's error and warning logs.
//
// RDKit reports SMILES/SMARTS syntax errors only through rdErrorLog (the parser returns null).
// The loggers are process-wide, so the bridge points them at one std::ostream whose streambuf
// appends to a thread_local buffer: each thread sees only what its own RDKit calls wrote, and no
// lock is taken on the hot path. The shared ostream's format state (width, reset to 0 after each
// insertion) is the only thing threads touch together; they all write the same value.
#include "internal.hpp"

#include <RDGeneral/RDLog.h>

#include <mutex>
#include <regex>
#include <sstream>
#include <streambuf>

namespace dyereg {
namespace {

constexpr size_t kMaxCapturedBytes = 16 * 1024;  // keeps a flood of warnings from growing memory

thread_local std::string tl_log;

class ThreadLocalBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type ch) override {
    if (ch != traits_type::eof() && tl_log.size() < kMaxCapturedBytes) tl_log.push_back(static_cast<char>(ch));
    return traits_type::not_eof(ch);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (tl_log.size() < kMaxCapturedBytes) tl_log.append(s, static_cast<size_t>(n));
    return n;
  }
};

std::once_flag install_once;

void install() {
  static ThreadLocalBuffer buffer;
  static std::ostream stream(&buffer);
  rdErrorLog = std::make_shared<boost::logging::rdLogger>(&stream);
  rdWarningLog = std::make_shared<boost::logging::rdLogger>(&stream);
  // Standardization is chatty on the info log ("Running Normalizer"): nobody needs it here.
  rdInfoLog = std::make_shared<boost::logging::rdLogger>(&stream);
  rdInfoLog->df_enabled = false;
  rdDebugLog = std::make_shared<boost::logging::rdLogger>(&stream);
  rdDebugLog->df_enabled = false;
}

}  // namespace

void install_log_capture() { std::call_once(install_once, install); }

void clear_captured_log() { tl_log.clear(); }

// Returns the captured text as one line: RDKit's "[hh:mm:ss] " prefixes removed, lines joined
// with "; ", duplicate lines and the parser's generic restatement of an error dropped (the
// parser often says the same thing twice).
std::string take_captured_log() {
  std::string raw;
  raw.swap(tl_log);
  std::istringstream in(raw);
  std::string line, result;
  std::vector<std::string> seen;
  static const std::regex stamp(R"(^\[\d\d:\d\d:\d\d\] )");
  while (std::getline(in, line)) {
    line = std::regex_replace(line, stamp, "");
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) continue;
    bool dup = false;
    for (const auto& s : seen) dup = dup || s == line;
    if (dup) continue;
    seen.push_back(line);
  }
  // RDKit's parsers follow the specific error ("syntax error while parsing: C1CC(") with a
  // generic restatement ("Failed parsing SMILES 'C1CC(' for input: 'C1CC('"): said once, the
  // specific line is kept and the restatement dropped (kept when it is all there is).
  static const std::regex restatement(R"(^(SMILES|SMARTS) Parse Error: Failed parsing (SMILES|SMARTS) '.*' for input: '.*'$)");
  bool specific = false;
  for (const auto& s : seen) specific = specific || !std::regex_match(s, restatement);
  for (const auto& s : seen) {
    if (specific && std::regex_match(s, restatement)) continue;
    if (!result.empty()) result += "; ";
    result += s;
  }
  return result;
}

char* copy_string(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

}  // namespace dyereg
