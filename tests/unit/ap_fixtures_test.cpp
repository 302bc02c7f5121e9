// Every ActivityPub document in tests/fixtures/ap (real captures and serializer outputs from
// Mastodon, GoToSocial, Lemmy, Misskey, Pleroma, PeerTube, Pixelfed, Friendica, Mitra,
// Smithereen, WordPress and Bridgy Fed; provenance in SOURCES.md) goes through the readers the
// inbox and the resolver use. Each must come out as the expectation below says: an activity
// with the action the inbox takes (or the stated reason it drops it), an actor, a status, a
// collection, a WebFinger link, or a document Loxodon never reads, with the reason. A fixture
// added without an expectation fails the test.
#include <loxodon/activitypub/actor_reader.hpp>
#include <loxodon/activitypub/emoji_reader.hpp>
#include <loxodon/activitypub/inbound_activity.hpp>
#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/activitypub/note_documents.hpp>
#include <loxodon/activitypub/report_documents.hpp>
#include <loxodon/domain/username.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace lox::activitypub {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

enum class Kind { kActivity, kActivities, kActor, kStatus, kCollection, kWebfinger, kNotRead };

struct Expectation {
  Kind kind;
  // kActivity/kActivities: the action; kActor: the username; kStatus: the visibility
  // (public, unlisted, private, direct); kCollection: the item count; kWebfinger: the actor id.
  std::string what;
  // kActivity with "ignore" and kNotRead: words of the stated reason.
  std::string reason = {};
};

const std::map<std::string, Expectation>& expectations() {
  static const std::map<std::string, Expectation> table = {
      // Discovery documents of other servers: nothing here reads them.
      {"discovery/mastodon.social-host-meta.xml",
       {Kind::kNotRead, "", "WebFinger is asked at its well-known path directly, as Mastodon"}},
      {"discovery/nodeinfo-2.0-mastodon.social-4.5-nightly.json",
       {Kind::kNotRead, "", "other servers' NodeInfo is not consumed"}},
      {"discovery/nodeinfo-2.0-peertube-5.0.json",
       {Kind::kNotRead, "", "other servers' NodeInfo is not consumed"}},
      {"discovery/nodeinfo-2.0-pixelfed-0.12.json",
       {Kind::kNotRead, "", "other servers' NodeInfo is not consumed"}},
      {"discovery/nodeinfo-2.1-activity-relay.json",
       {Kind::kNotRead, "", "other servers' NodeInfo is not consumed"}},
      {"mastodon/webfinger.json", {Kind::kWebfinger, "https://mastodon.local/users/admin"}},
      {"pleroma/webfinger.json", {Kind::kWebfinger, "https://mocked.local/users/karen"}},
      // Actors.
      {"mastodon-actor-application.json", {Kind::kActor, "mastodon.example"}},
      {"mastodon-actor-person.json", {Kind::kActor, "mastodon"}},
      {"mastodon/actor-application-instance-actor.json", {Kind::kActor, "mastodon.example"}},
      {"mastodon/actor-person.json", {Kind::kActor, "mastodon"}},
      {"gotosocial/actor-person-fields.json", {Kind::kActor, "1happyturtle"}},
      {"gotosocial/actor-person-sharedinbox.json", {Kind::kActor, "the_mighty_zork"}},
      {"gotosocial/actor-person.json", {Kind::kActor, "the_mighty_zork"}},
      {"lemmy/actor-group-community.json", {Kind::kActor, "tenforward"}},
      {"lemmy/actor-person.json", {Kind::kActor, "picard"}},
      {"misskey/actor-person.json", {Kind::kActor, "aimu"}},
      {"others/bridgyfed-actor-service.json", {Kind::kActor, "bsky.brid.gy"}},
      {"peertube/actor-group-channel.json", {Kind::kActor, "thelinuxexperiment_channel"}},
      {"peertube/actor-person.json", {Kind::kActor, "thelinuxexperiment"}},
      {"pleroma/actor-person.json", {Kind::kActor, "lanodan"}},
      // Objects as fetched (reply chains, boosted posts, conversions of long forms).
      {"gotosocial/note-hashtags-emoji.json", {Kind::kStatus, "public"}},
      {"gotosocial/note-reply-mention.json", {Kind::kStatus, "public"}},
      {"lemmy/note-comment.json", {Kind::kStatus, "public"}},
      {"lemmy/page-post.json", {Kind::kStatus, "public"}},
      {"mastodon/note-direct-message.json", {Kind::kStatus, "direct"}},
      {"misskey/note-mfm-x-format.json", {Kind::kStatus, "public"}},
      {"misskey/note-quote.json", {Kind::kStatus, "public"}},
      {"misskey/note.json", {Kind::kStatus, "public"}},
      {"misskey/question-no-end-date.json", {Kind::kStatus, "public"}},
      {"others/bridgyfed-note-misskey-quote.json", {Kind::kStatus, "public"}},
      {"peertube/note-comment.json", {Kind::kStatus, "public"}},
      {"peertube/video.json", {Kind::kStatus, "public"}},
      {"pleroma/note.json", {Kind::kStatus, "unlisted"}},
      {"mastodon/featured-collection.json", {Kind::kCollection, "1"}},
      {"gotosocial/like-authorization.json",
       {Kind::kNotRead, "",
        "GoToSocial's interaction-policy approvals are only dereferenced by GoToSocial"}},
      {"pleroma/chat-message.json",
       {Kind::kActivity, "ignore", "unknown activity type ChatMessage"}},
      // Activities, as the inbox receives them.
      {"gotosocial/accept-like-interaction.json", {Kind::kActivity, "accept"}},
      {"gotosocial/announce-self-boost-followers-only.json", {Kind::kActivity, "announce"}},
      {"gotosocial/delete-direct.json", {Kind::kActivity, "delete-object"}},
      {"gotosocial/delete-public.json", {Kind::kActivity, "delete-object"}},
      {"gotosocial/flag.json", {Kind::kActivity, "flag"}},
      {"gotosocial/poll-vote-create.json", {Kind::kActivities, "vote"}},
      {"lemmy/announce-create-page.json", {Kind::kActivity, "announce"}},
      {"lemmy/create-comment.json", {Kind::kActivity, "create-note"}},
      {"lemmy/dislike-page.json", {Kind::kActivity, "ignore", "no dislikes"}},
      {"lemmy/follow-community.json", {Kind::kActivity, "follow"}},
      {"lemmy/like-note.json", {Kind::kActivity, "like"}},
      {"mastodon/accept-follow.json", {Kind::kActivity, "accept"}},
      {"mastodon/announce-private-self-boost-inlined.json", {Kind::kActivity, "announce"}},
      {"mastodon/announce.json", {Kind::kActivity, "announce"}},
      {"mastodon/block.json", {Kind::kActivity, "block"}},
      {"mastodon/create-note-contentmap.json", {Kind::kActivity, "create-note"}},
      {"mastodon/create-note-hashtag.json", {Kind::kActivity, "create-note"}},
      {"mastodon/create-note-public-attachment-ldsig.json", {Kind::kActivity, "create-note"}},
      {"mastodon/create-note-sensitive-cw.json", {Kind::kActivity, "create-note"}},
      {"mastodon/create-note.json", {Kind::kActivity, "create-note"}},
      {"mastodon/delete-actor.json", {Kind::kActivity, "delete-actor"}},
      {"mastodon/delete-tombstone-ldsig.json", {Kind::kActivity, "delete-object"}},
      {"mastodon/flag.json", {Kind::kActivity, "flag"}},
      {"mastodon/follow.json", {Kind::kActivity, "follow"}},
      {"mastodon/like.json", {Kind::kActivity, "like"}},
      {"mastodon/poll-vote-create.json", {Kind::kActivity, "vote"}},
      {"mastodon/question-create.json", {Kind::kActivity, "create-note"}},
      {"mastodon/reject-follow.json", {Kind::kActivity, "reject"}},
      {"mastodon/undo-announce.json", {Kind::kActivity, "undo"}},
      {"mastodon/undo-block.json", {Kind::kActivity, "undo"}},
      {"mastodon/undo-follow.json", {Kind::kActivity, "undo"}},
      {"mastodon/undo-like.json", {Kind::kActivity, "undo"}},
      {"mastodon/update-person.json", {Kind::kActivity, "update-actor"}},
      {"misskey/create-pleroma-reply-to-misskey-thread.json", {Kind::kActivity, "create-note"}},
      {"misskey/like-reaction.json", {Kind::kActivity, "like"}},
      {"others/friendica-create-note.json", {Kind::kActivity, "create-note"}},
      {"others/mitra-create-post.json", {Kind::kActivity, "create-note"}},
      {"others/smithereen-create-note.json", {Kind::kActivity, "create-note"}},
      {"others/wordpress-announce.json", {Kind::kActivity, "announce"}},
      {"peertube/announce-video.json", {Kind::kActivity, "announce"}},
      {"pixelfed/announce.json", {Kind::kActivity, "announce"}},
      {"pixelfed/create-note-photo-2.json", {Kind::kActivity, "create-note"}},
      {"pixelfed/create-note-photo.json", {Kind::kActivity, "create-note"}},
      {"pleroma/create-note.json", {Kind::kActivity, "create-note"}},
      {"pleroma/custom-emoji-react.json", {Kind::kActivity, "like"}},
      {"pleroma/delete.json", {Kind::kActivity, "delete-object"}},
      {"pleroma/emoji-react.json", {Kind::kActivity, "ignore", "emoji reactions"}},
      {"pleroma/follow.json", {Kind::kActivity, "follow"}},
  };
  return table;
}

const fs::path& root() {
  static const fs::path path = fs::path(LOXODON_FIXTURES_DIR) / "ap";
  return path;
}

std::vector<std::string> fixture_files() {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root())) {
    auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".json" || ext == ".xml")) {
      out.push_back(fs::relative(entry.path(), root()).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Two instance-actor fixtures are templates: their preferredUsername is "{{DOMAIN}}" (a
// Mastodon instance actor is named after its domain). Filled in as a real server would send it,
// since a username with braces is refused like any other invalid one.
json load(const std::string& file) {
  std::ifstream in(root() / file);
  json doc = json::parse(in);
  if (doc.is_object() && doc.value("preferredUsername", json()) == "{{DOMAIN}}") {
    doc["preferredUsername"] = "mastodon.example";
  }
  return doc;
}

void check_activity(const std::string& file, const json& doc, const Expectation& e) {
  auto plan = plan_inbound(doc);
  EXPECT_EQ(to_string(plan.action), e.what) << file << ": " << plan.reason;
  if (plan.action == InboundAction::kIgnore) {
    EXPECT_NE(plan.reason.find(e.reason), std::string::npos) << file << ": " << plan.reason;
  }
  // What the inbox stores of a Create must read as a status by the activity's actor.
  if (plan.action == InboundAction::kCreateNote) {
    auto note = read_note(doc["object"]);
    ASSERT_TRUE(note) << file;
    EXPECT_FALSE(note->uri.empty()) << file;
    EXPECT_EQ(note->attributed_to, id_of(doc["actor"])) << file;
  }
}

TEST(ApFixtures, EveryFixtureParsesOrIsSetAsideForAStatedReason) {
  auto files = fixture_files();
  ASSERT_GE(files.size(), 80u);  // the collection is present
  std::set<std::string> seen;
  for (const auto& file : files) {
    SCOPED_TRACE(file);
    seen.insert(file);
    auto it = expectations().find(file);
    ASSERT_NE(it, expectations().end()) << file << " has no expectation";
    const Expectation& e = it->second;
    if (e.kind == Kind::kNotRead) {
      EXPECT_FALSE(e.reason.empty());
      continue;
    }
    json doc = load(file);
    switch (e.kind) {
      case Kind::kActivity:
        check_activity(file, doc, e);
        break;
      case Kind::kActivities:
        ASSERT_TRUE(doc.is_array());
        for (const auto& one : doc) check_activity(file, one, e);
        break;
      case Kind::kActor: {
        RemoteActor actor;
        ASSERT_NO_THROW(actor = read_actor(doc));
        EXPECT_EQ(actor.username, e.what);
        EXPECT_EQ(actor.id, id_of(doc));
        EXPECT_FALSE(actor.inbox.empty());
        EXPECT_TRUE(actor.public_key_pem.starts_with("-----BEGIN PUBLIC KEY-----"));
        break;
      }
      case Kind::kStatus: {
        auto note = read_note(doc);
        ASSERT_TRUE(note);
        EXPECT_EQ(domain::visibility_name(note->visibility), e.what);
        EXPECT_FALSE(note->attributed_to.empty());
        break;
      }
      case Kind::kCollection:
        EXPECT_EQ(std::to_string(ids_of(doc.value("orderedItems", json())).size()), e.what);
        break;
      case Kind::kWebfinger:
        EXPECT_EQ(webfinger_actor_link(doc), e.what);
        break;
      case Kind::kNotRead:
        break;
    }
  }
  for (const auto& [file, e] : expectations()) {
    EXPECT_TRUE(seen.count(file)) << file << " is expected but missing";
  }
}

TEST(ApFixtures, CustomEmojiAreReadWhereTheTextUsesThem) {
  // GoToSocial: one Emoji tag beside a Hashtag, used in the content.
  auto note = read_note(load("gotosocial/note-hashtags-emoji.json"));
  ASSERT_TRUE(note);
  ASSERT_EQ(note->emojis.size(), 1u);
  EXPECT_EQ(note->emojis[0].shortcode, "rainbow");
  EXPECT_EQ(note->emojis[0].uri, "http://localhost:8080/emoji/01F8MH9H8E4VG3KDYJR9EGPXCQ");
  EXPECT_TRUE(note->emojis[0].image_url.ends_with("01F8MH9H8E4VG3KDYJR9EGPXCQ.png"));
  // Pleroma: three emoji in the name and bio of an actor.
  auto actor = read_actor(load("pleroma/actor-person.json"));
  std::vector<std::string> codes;
  for (const auto& e : actor.emojis) codes.push_back(e.shortcode);
  EXPECT_EQ(codes, (std::vector<std::string>{"anarchy", "bzh", "gentoo"}));

  // Unused, malformed, non-http, duplicated: none of them is read.
  json doc = {{"tag", json::array()}};
  auto tag = [](const std::string& name, const std::string& url) {
    return json{{"type", "Emoji"}, {"name", name}, {"icon", {{"url", url}}}};
  };
  doc["tag"] = {
      tag(":ok:", "https://x.example/ok.png"),    tag(":ok:", "https://x.example/other.png"),
      tag(":unused:", "https://x.example/u.png"), tag(":bad-name:", "https://x.example/b.png"),
      tag(":x:", "https://x.example/x.png"),      tag(":js:", "javascript:alert(1)"),
      {{"type", "Hashtag"}, {"name", "#ok"}}};
  auto emojis = read_emojis(doc, {"hi :ok: :bad-name: :x: :js:"});
  ASSERT_EQ(emojis.size(), 1u);
  EXPECT_EQ(emojis[0].image_url, "https://x.example/ok.png");
  // A single tag object (not an array) and an icon URL given as a Link.
  json single = {{"tag",
                  {{"type", "Emoji"},
                   {"name", ":ab:"},
                   {"icon", {{"url", {{"href", "https://x.example/ab.png"}}}}}}}};
  ASSERT_EQ(read_emojis(single, {":ab:"}).size(), 1u);
}

TEST(ApFixtures, HashtagsAreReadForTagTimelines) {
  auto mastodon = read_note(load("mastodon/create-note-hashtag.json")["object"]);
  ASSERT_TRUE(mastodon);
  EXPECT_FALSE(mastodon->hashtags.empty());
  for (const auto& tag : mastodon->hashtags) {
    EXPECT_EQ(tag.find('#'), std::string::npos);
    EXPECT_EQ(tag, domain::lowercase(tag));
  }
  json note = load("gotosocial/note-hashtags-emoji.json");
  auto gts = read_note(note.contains("object") ? note["object"] : note);
  ASSERT_TRUE(gts);
  EXPECT_EQ(gts->hashtags, std::vector<std::string>{"welcome"});
  // Odd names are skipped: digits only, punctuation, empty.
  json odd = load("mastodon/create-note-hashtag.json")["object"];
  odd["tag"] = json::array({{{"type", "Hashtag"}, {"name", "#123"}},
                            {{"type", "Hashtag"}, {"name", "#a-b"}},
                            {{"type", "Hashtag"}, {"name", "#"}},
                            {{"type", "Hashtag"}, {"name", "#Fine_Tag"}},
                            {{"type", "Hashtag"}, {"name", "#fine_tag"}}});
  EXPECT_EQ(read_note(odd)->hashtags, std::vector<std::string>{"fine_tag"});
}

TEST(ApFixtures, FlagsNameTheirObjectsAndComment) {
  auto mastodon = read_flag(load("mastodon/flag.json"));
  EXPECT_EQ(mastodon.id, "https://mastodon.example/ccb4f39a-506a-490e-9a8c-71831c7713a4");
  EXPECT_EQ(mastodon.comment, "Please take a look at this user and their posts");
  EXPECT_EQ(mastodon.objects, (std::vector<std::string>{"https://example.com/users/1",
                                                        "https://example.com/posts/380590",
                                                        "https://example.com/posts/380591"}));
  auto gts = read_flag(load("gotosocial/flag.json"));
  EXPECT_EQ(gts.objects.size(), 2u);
  // Ours reads back the same way, in Mastodon's shape (account first, then statuses).
  json ours = flag_activity("https://here.example/reports/1", "https://here.example/actor",
                            "https://there.example/users/bob",
                            {"https://there.example/users/bob/statuses/1"}, "spam");
  EXPECT_EQ(ours["type"], "Flag");
  EXPECT_EQ(ours["actor"], "https://here.example/actor");
  EXPECT_EQ(plan_inbound(ours).action, InboundAction::kFlag);
  auto back = read_flag(ours);
  EXPECT_EQ(back.objects.front(), "https://there.example/users/bob");
  EXPECT_EQ(back.comment, "spam");
  json empty = ours;
  empty["object"] = json::array();
  EXPECT_EQ(plan_inbound(empty).reason, "Flag without objects");
}

// Mastodon's MoveSerializer output (no fixture in the collection has a Move).
TEST(ApFixtures, MoveIsFollowedOnlyForTheActorItself) {
  json move = {{"@context", "https://www.w3.org/ns/activitystreams"},
               {"id", "https://a.example/users/old#moves/1"},
               {"type", "Move"},
               {"actor", "https://a.example/users/old"},
               {"target", "https://b.example/users/new"},
               {"object", "https://a.example/users/old"}};
  EXPECT_EQ(plan_inbound(move).action, InboundAction::kMove);
  json other = move;
  other["object"] = "https://a.example/users/someone-else";
  EXPECT_EQ(plan_inbound(other).action, InboundAction::kIgnore);
  EXPECT_EQ(plan_inbound(other).reason, "Move of another actor");
  json untargeted = move;
  untargeted.erase("target");
  EXPECT_EQ(plan_inbound(untargeted).reason, "Move without a target");
}

TEST(ApFixtures, ActorDetailsAreReadAndSanitised) {
  auto fields = read_actor(load("gotosocial/actor-person-fields.json"));
  ASSERT_EQ(fields.fields.size(), 2u);
  EXPECT_EQ(fields.fields[0].first, "should you follow me?");
  EXPECT_EQ(fields.fields[0].second, "maybe!");
  auto mastodon = read_actor(load("mastodon/actor-person.json"));
  EXPECT_EQ(mastodon.type, "Person");
  EXPECT_TRUE(mastodon.shared_inbox.has_value());
  EXPECT_TRUE(mastodon.featured.has_value());
  EXPECT_TRUE(mastodon.avatar_url.has_value());
  auto service = read_actor(load("others/bridgyfed-actor-service.json"));
  EXPECT_TRUE(service.bot);
  auto instance = read_actor(load("mastodon/actor-application-instance-actor.json"));
  EXPECT_TRUE(instance.bot);

  // Hostile values: markup in names and fields, scripts in the summary.
  json doc = load("mastodon/actor-person.json");
  doc["name"] = "Eve <b>\x01</b>";
  doc["summary"] = "<p>hi</p><script>alert(1)</script><a href=\"javascript:x\">y</a>";
  doc["attachment"] = json::array(
      {{{"type", "PropertyValue"}, {"name", "site"}, {"value", "<img src=x onerror=a()>ok"}}});
  auto eve = read_actor(doc);
  EXPECT_EQ(eve.display_name, "Eve <b></b>");  // plain text: shown escaped, never as markup
  EXPECT_EQ(eve.summary_html.find("script"), std::string::npos);
  EXPECT_EQ(eve.summary_html.find("javascript"), std::string::npos);
  EXPECT_EQ(eve.fields.at(0).second.find("onerror"), std::string::npos);
  doc["type"] = "Note";
  EXPECT_THROW(read_actor(doc), ActorError);
  doc["type"] = "Person";
  doc.erase("inbox");
  EXPECT_THROW(read_actor(doc), ActorError);
  doc["inbox"] = "https://example.com/inbox";
  doc["preferredUsername"] = std::string(3000, 'a');
  EXPECT_THROW(read_actor(doc), ActorError);
}

TEST(ApFixtures, StatusDetailsSurviveEachImplementationsForm) {
  auto cw = read_note(load("mastodon/create-note-sensitive-cw.json")["object"]);
  ASSERT_TRUE(cw);
  EXPECT_EQ(cw->summary, "cw");
  EXPECT_TRUE(cw->sensitive);
  auto map = read_note(load("mastodon/create-note-contentmap.json")["object"]);
  ASSERT_TRUE(map);
  EXPECT_EQ(map->language, "en");
  auto dm = read_note(load("mastodon/note-direct-message.json"));
  ASSERT_TRUE(dm);
  EXPECT_FALSE(dm->mentioned.empty());
  EXPECT_TRUE(dm->in_reply_to.has_value());
  // Attachments as Mastodon and Pixelfed describe them.
  auto photo = read_note(load("mastodon/create-note-public-attachment-ldsig.json")["object"]);
  ASSERT_TRUE(photo);
  ASSERT_EQ(photo->attachments.size(), 1u);
  EXPECT_TRUE(photo->attachments[0].url.starts_with("https://"));
  EXPECT_TRUE(photo->attachments[0].media_type.starts_with("image/"));
  EXPECT_TRUE(photo->attachments[0].blurhash.has_value());
  auto pixelfed = read_note(load("pixelfed/create-note-photo.json")["object"]);
  ASSERT_TRUE(pixelfed);
  EXPECT_FALSE(pixelfed->attachments.empty());
  // Polls: Mastodon's Question with counts and an end; Misskey's without an end.
  auto question = read_note(load("mastodon/question-create.json")["object"]);
  ASSERT_TRUE(question && question->poll);
  EXPECT_FALSE(question->poll->options.empty());
  EXPECT_EQ(question->poll->counts.size(), question->poll->options.size());
  EXPECT_TRUE(question->poll->ends_at.has_value());
  auto open_question = read_note(load("misskey/question-no-end-date.json"));
  ASSERT_TRUE(open_question && open_question->poll);
  EXPECT_FALSE(open_question->poll->ends_at.has_value());
  // PeerTube lists a URL per media type: the HTML page is the one kept.
  auto video = read_note(load("peertube/video.json"));
  ASSERT_TRUE(video);
  EXPECT_TRUE(video->url.value_or("").find("/videos/watch/") != std::string::npos);
  EXPECT_FALSE(video->content_html.empty());
}

}  // namespace
}  // namespace lox::activitypub
