#include "db/fields.hpp"
#include "db/tx_impl.hpp"

#include <loxodon/db/preview_card_repository.hpp>

#include <nlohmann/json.hpp>

namespace lox::db {

std::optional<PreviewCardRepository::CardSource> PreviewCardRepository::source(
    Tx& tx, std::int64_t status_id) {
  auto r = tx.exec("card_source", status_id);
  if (r.empty()) return std::nullopt;
  return CardSource{r[0][0].as<std::string>(), r[0][1].as<bool>(), r[0][2].as<bool>(),
                    r[0][3].as<bool>(), r[0][4].as<bool>()};
}

std::optional<std::int64_t> PreviewCardRepository::fresh_by_link(Tx& tx,
                                                                 const std::string& link_url) {
  auto r = tx.exec("card_fresh_by_link", link_url);
  if (r.empty()) return std::nullopt;
  return r[0][0].as<std::int64_t>();
}

StoredCard PreviewCardRepository::upsert(Tx& tx, std::int64_t new_id, const std::string& link_url,
                                         const domain::PreviewCard& c) {
  auto r =
      tx.exec("card_upsert", new_id, link_url, c.url, c.title, c.description, c.type, c.author_name,
              c.author_url, c.provider_name, c.provider_url, c.html, c.width, c.height, c.image_key,
              c.image_key ? std::optional<int>(c.image_width) : std::nullopt,
              c.image_key ? std::optional<int>(c.image_height) : std::nullopt, c.image_description,
              c.blurhash, c.embed_url, c.language, c.published_at);
  return {r[0][0].as<std::int64_t>(), nullable<std::string>(r[0][1])};
}

void PreviewCardRepository::attach(Tx& tx, std::int64_t status_id, std::int64_t card_id) {
  tx.exec("card_attach", status_id, card_id);
  tx.exec("card_flag", status_id, true);
}

void PreviewCardRepository::detach(Tx& tx, std::int64_t status_id) {
  tx.exec("card_detach", status_id);
  tx.exec("card_flag", status_id, false);
}

domain::PreviewCard PreviewCardRepository::from_json(const char* text) {
  auto j = nlohmann::json::parse(text);
  auto str = [&](int i) { return j[i].is_string() ? j[i].get<std::string>() : std::string(); };
  auto opt = [&](int i) {
    return j[i].is_string() ? std::optional<std::string>(j[i].get<std::string>()) : std::nullopt;
  };
  auto num = [&](int i) { return j[i].is_number_integer() ? j[i].get<int>() : 0; };
  domain::PreviewCard c;
  c.url = str(0);
  c.title = str(1);
  c.description = str(2);
  c.type = str(3);
  c.author_name = str(4);
  c.author_url = str(5);
  c.provider_name = str(6);
  c.provider_url = str(7);
  c.html = str(8);
  c.width = num(9);
  c.height = num(10);
  c.image_key = opt(11);
  c.image_width = num(12);
  c.image_height = num(13);
  c.image_description = str(14);
  c.blurhash = opt(15);
  c.embed_url = str(16);
  c.language = opt(17);
  c.published_at = opt(18);
  return c;
}

}  // namespace lox::db
