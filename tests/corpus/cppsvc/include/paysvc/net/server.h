// The service's own HTTP front end: reads whole requests from a socket and hands each to the
// handler registered for its method and path.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>

namespace paysvc::net {

struct HttpRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;
  std::string body;

  // The value of a header (names compare case-insensitively); empty when absent.
  std::string header(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
};

using Handler = std::function<void(const HttpRequest&, HttpResponse&)>;

class Server {
 public:
  explicit Server(int port);

  void addHandler(const std::string& method, const std::string& path, Handler handler);
  // Requests with a larger body are answered 413 before any handler runs.
  void setMaxBodyBytes(std::size_t limit);
  void run();

 private:
  HttpResponse dispatch(const HttpRequest& request) const;

  int port_;
  std::size_t maxBodyBytes_ = 0;
  std::map<std::string, Handler> handlers_;
};

// Runs `job` every `seconds` on a background thread; `name` shows in the logs.
void every(const std::string& name, int seconds, std::function<void()> job);

}  // namespace paysvc::net
