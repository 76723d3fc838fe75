// A deliberately small HTTP/1.1 reader: one request per connection, Content-Length bodies only.
#include "paysvc/net/server.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <thread>

namespace paysvc::net {

namespace {

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string readAll(int fd) {
  std::string data;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) data.append(buffer, static_cast<size_t>(n));
  return data;
}

HttpRequest parseRequest(const std::string& raw) {
  HttpRequest request;
  std::istringstream in(raw);
  std::string version;
  in >> request.method >> request.target >> version;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line) && line != "\r") {
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    if (!value.empty() && value.back() == '\r') value.pop_back();
    request.headers[lowered(line.substr(0, colon))] = value;
  }
  std::ostringstream rest;
  rest << in.rdbuf();
  request.body = rest.str();
  return request;
}

}  // namespace

std::string HttpRequest::header(const std::string& name) const {
  auto it = headers.find(lowered(name));
  return it == headers.end() ? std::string() : it->second;
}

Server::Server(int port) : port_(port) {}

void Server::addHandler(const std::string& method, const std::string& path, Handler handler) {
  handlers_[method + " " + path] = std::move(handler);
}

void Server::setMaxBodyBytes(std::size_t limit) { maxBodyBytes_ = limit; }

HttpResponse Server::dispatch(const HttpRequest& request) const {
  HttpResponse response;
  if (maxBodyBytes_ != 0 && request.body.size() > maxBodyBytes_) {
    response.status = 413;
    return response;
  }
  auto it = handlers_.find(request.method + " " + request.target);
  if (it == handlers_.end()) {
    response.status = 404;
    return response;
  }
  it->second(request, response);
  return response;
}

void Server::run() {
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port_));
  ::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::listen(listener, 64);
  for (;;) {
    const int client = ::accept(listener, nullptr, nullptr);
    if (client < 0) continue;
    HttpResponse response = dispatch(parseRequest(readAll(client)));
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + "\r\n\r\n" + response.body;
    ::write(client, out.data(), out.size());
    ::close(client);
  }
}

void every(const std::string& name, int seconds, std::function<void()> job) {
  std::thread([name, seconds, job] {
    for (;;) {
      job();
      std::this_thread::sleep_for(std::chrono::seconds(seconds));
    }
  }).detach();
}

}  // namespace paysvc::net
