// The chat bot that posts payment alerts; the chat platform delivers its updates to a webhook
// and authenticates them with the secret token set when the webhook was registered.
#pragma once

#include <string>

#include "paysvc/net/server.h"

namespace paysvc::bot {

class NotifyBot {
 public:
  NotifyBot(std::string secretToken, std::string webhookPath);
  void attach(net::Server& server);
  void onUpdate(const net::HttpRequest& req, net::HttpResponse& res);

 private:
  void reply(const std::string& update);
  std::string secretToken_;
  std::string webhookPath_;
};

}  // namespace paysvc::bot
