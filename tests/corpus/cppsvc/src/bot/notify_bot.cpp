#include "notify_bot.h"

#include <iostream>

namespace paysvc::bot {

NotifyBot::NotifyBot(std::string secretToken, std::string webhookPath)
    : secretToken_(std::move(secretToken)), webhookPath_(std::move(webhookPath)) {}

void NotifyBot::attach(net::Server& server) {
  server.addHandler("POST", "/bot/updates", [this](const net::HttpRequest& req, net::HttpResponse& res) { onUpdate(req, res); });  // expect: WH201
}

void NotifyBot::onUpdate(const net::HttpRequest& req, net::HttpResponse& res) {
  if (req.header("X-Telegram-Bot-Api-Secret-Token") != secretToken_) {  // expect: WH102
    res.status = 403;
    return;
  }
  reply(req.body);
  res.status = 200;
}

void NotifyBot::reply(const std::string& update) { std::cout << "update: " << update.size() << " bytes\n"; }

}  // namespace paysvc::bot
