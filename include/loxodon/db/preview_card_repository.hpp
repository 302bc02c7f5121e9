#pragma once

#include <loxodon/db/tx.hpp>
#include <loxodon/domain/preview_card.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace lox::db {

// Link preview cards: one per link, shared by the statuses that link it.
// A card stored for a link: its id, and the image key it replaced (whose file the caller
// removes).
struct StoredCard {
  std::int64_t id = 0;
  std::optional<std::string> replaced_image_key;
};

class PreviewCardRepository {
 public:
  // What a status offers a card: its HTML and whether it may have one.
  struct CardSource {
    std::string content_html;
    bool local = false;
    bool has_spoiler = false;
    bool deleted = false;
    bool reblog = false;
  };
  static std::optional<CardSource> source(Tx& tx, std::int64_t status_id);
  // The card of a link when one exists that is less than two weeks old.
  static std::optional<std::int64_t> fresh_by_link(Tx& tx, const std::string& link_url);
  // Inserts or refreshes the card of `link_url`; returns its id and the image key it replaced
  // (whose file the caller removes).
  static StoredCard upsert(Tx& tx, std::int64_t new_id, const std::string& link_url,
                           const domain::PreviewCard& card);
  static void attach(Tx& tx, std::int64_t status_id, std::int64_t card_id);
  static void detach(Tx& tx, std::int64_t status_id);
  // Reads the JSON the view queries return (LOX_CARD_OF_STATUS).
  static domain::PreviewCard from_json(const char* text);
};

}  // namespace lox::db
