// The payload names a callback URL; a helper hands it to libcurl. Nothing checks the host, so
// a forged event makes the server fetch http://169.254.169.254/ or any internal address.
#include <curl/curl.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

static void notify(const std::string& url) {
  CURL* curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());  // expect: WH401
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 5L);
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
}

static std::string callback_of(const nlohmann::json& event) {
  std::string target = event["callback"].get<std::string>();
  std::string with_path = target + "/ack";
  return with_path;
}

int main() {
  httplib::Server server;
  server.set_payload_max_length(64 * 1024);
  server.Post("/jobs/finished", [](const httplib::Request& req, httplib::Response& res) {
    auto event = nlohmann::json::parse(req.body);
    notify(callback_of(event));
    res.status = 202;
  });
  server.listen("127.0.0.1", 8081);
}
