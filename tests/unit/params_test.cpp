#include <loxodon/http/params.hpp>
#include <loxodon/net/smtp_client.hpp>
#include <loxodon/util/error.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

namespace lox::http {
namespace {

Request with_body(std::string content_type, std::string body, std::string query = "") {
  Request r;
  if (!content_type.empty()) r.headers = {{"Content-Type", std::move(content_type)}};
  r.body = std::move(body);
  r.query = parse_query_string(query);
  return r;
}

TEST(Params, FormBracketsBecomeNestedValues) {
  auto p = Params::from_request(with_body(
      "application/x-www-form-urlencoded",
      "media_ids[]=1&media_ids[]=2&poll[options][]=a&poll[options][]=b&source[privacy]=private"
      "&fields_attributes[0][name]=Web&fields_attributes[0][value]=x&sensitive=true"));
  EXPECT_EQ(p.list("media_ids"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(p.values()["poll"]["options"], nlohmann::json({"a", "b"}));
  EXPECT_EQ(p.object("source")["privacy"], "private");
  EXPECT_EQ(p.values()["fields_attributes"]["0"]["name"], "Web");
  EXPECT_EQ(p.boolean("sensitive"), true);
}

TEST(Params, ArraysOfObjectsGroupAsRackGroupsThem) {
  auto p = Params::from_request(
      with_body("application/x-www-form-urlencoded",
                "keywords_attributes[][keyword]=cat&keywords_attributes[][whole_word]=false"
                "&keywords_attributes[][keyword]=dog&keywords_attributes[][id]=7"));
  EXPECT_EQ(p.values()["keywords_attributes"],
            nlohmann::json::parse(R"([{"keyword":"cat","whole_word":"false"},)"
                                  R"({"keyword":"dog","id":"7"}])"));
}

TEST(Params, JsonBodiesKeepTheirTypesAndQueryParamsMerge) {
  auto p = Params::from_request(with_body("application/json; charset=utf-8",
                                          R"({"status":"hi","sensitive":false,"n":3})",
                                          "visibility=private"));
  EXPECT_EQ(p.string("status"), "hi");
  EXPECT_EQ(p.boolean("sensitive"), false);
  EXPECT_EQ(p.integer("n"), 3);
  EXPECT_EQ(p.string("visibility"), "private");
}

TEST(Params, BodyWithoutContentTypeIsAForm) {
  auto p = Params::from_request(with_body("", "a=1&b=%C3%A9"));
  EXPECT_EQ(p.string("b"), "é");
}

TEST(Params, MultipartFieldsAndFilesWithOrWithoutFilename) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"display_name\"\r\n\r\nAlice\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"fields_attributes[1][name]\"\r\n\r\nB\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\n"
      "Content-Type: image/png\r\n\r\n\x89PNG\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\nrawbytes\r\n--XyZ--\r\n";
  auto p = Params::from_request(with_body("multipart/form-data; boundary=XyZ", body));
  EXPECT_EQ(p.string("display_name"), "Alice");
  EXPECT_EQ(p.values()["fields_attributes"]["1"]["name"], "B");
  ASSERT_NE(p.file("avatar"), nullptr);
  EXPECT_EQ(p.file("avatar")->filename, "a.png");
  EXPECT_EQ(p.file("avatar")->content.to_string(), "\x89PNG");
  ASSERT_NE(p.file("file"), nullptr);  // megalodon: no filename
  EXPECT_EQ(p.file("file")->content.to_string(), "rawbytes");
}

// A body the server spooled: the same bytes in an unnamed file.
Request spooled(std::string content_type, const std::string& body) {
  auto file = std::make_shared<FileHandle>(
      FileHandle::anonymous_in(std::filesystem::temp_directory_path()));
  file->append(body);
  Request r;
  r.headers = {{"Content-Type", std::move(content_type)}};
  r.spooled_body = ByteSource::whole_file(std::move(file));
  return r;
}

TEST(Params, SpooledMultipartFilesStayInTheFile) {
  std::string video(3 * 1024 * 1024, 'v');
  video.replace(256 * 1024 - 3, 8, "--Bnd\r\n");  // a near-delimiter inside the data
  std::string body =
      "--Bnd\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nA cat\r\n"
      "--Bnd\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.mp4\"\r\n"
      "Content-Type: video/mp4\r\n\r\n" +
      video + "\r\n--Bnd--\r\n";
  auto p = Params::from_request(spooled("multipart/form-data; boundary=Bnd", body));
  EXPECT_EQ(p.string("description"), "A cat");
  const auto* file = p.file("file");
  ASSERT_NE(file, nullptr);
  EXPECT_TRUE(file->content.in_file());
  EXPECT_EQ(file->content.size(), video.size());
  EXPECT_EQ(file->content.to_string(), video);
}

TEST(Params, OnlyFilesMayBeLarge) {
  // A text field over the limit, in memory or spooled.
  std::string big_field = "--B\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\n" +
                          std::string(Params::kMaxTextPartBytes + 1, 'x') + "\r\n--B--\r\n";
  for (const auto& request : {with_body("multipart/form-data; boundary=B", big_field),
                              spooled("multipart/form-data; boundary=B", big_field)}) {
    try {
      Params::from_request(request);
      ADD_FAILURE() << "a huge text field was taken";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kPayloadTooLarge);
    }
  }
  // A spooled body that is not multipart is read into memory only when small.
  auto json = Params::from_request(spooled("application/json", R"({"description":"hi"})"));
  EXPECT_EQ(json.string("description"), "hi");
  auto form = Params::from_request(spooled("application/x-www-form-urlencoded", "focus=0.5,0"));
  EXPECT_EQ(form.string("focus"), "0.5,0");
  try {
    Params::from_request(
        spooled("application/json", std::string(Params::kMaxSpooledTextBody + 1, ' ') + "{}"));
    ADD_FAILURE() << "a huge spooled JSON body was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kPayloadTooLarge);
  }
  // A part head that never ends is malformed, not a scan of the whole file.
  try {
    Params::from_request(
        spooled("multipart/form-data; boundary=B",
                "--B\r\nContent-Disposition: form-data; name=\"a\"" + std::string(64 * 1024, ' ')));
    ADD_FAILURE() << "an endless part head was taken";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
  }
}

TEST(Params, MalformedBodiesAreBadRequests) {
  for (auto [type, body] : std::vector<std::pair<std::string, std::string>>{
           {"application/json", "{\"a\":"},
           {"application/json", "[1,2]"},
           {"multipart/form-data; boundary=Q", "no parts here"},
           {"multipart/form-data", "--\r\n"}}) {
    try {
      Params::from_request(with_body(type, body));
      FAIL() << body;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kBadRequest) << body;
    }
  }
}

TEST(Params, DeepBracketNestingIsRefused) {
  std::string key = "fields_attributes[0]";
  for (int i = 0; i < 40; ++i) key += "[a]";
  try {
    Params::from_request(with_body("application/x-www-form-urlencoded", key + "=x"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
  }
}

TEST(Smtp, MessagesCannotBeUsedForHeaderInjection) {
  config::SmtpConfig c;
  c.from_address = "notifications@social.example";
  net::SmtpClient client(c);
  auto msg = client.format("alice@example.com\r\nBcc: victim@example.com", "Hi\r\nX-Evil: 1",
                           "line one\nline two", "<id@social.example>");
  EXPECT_EQ(msg.find("Bcc:"), std::string::npos);
  EXPECT_EQ(msg.find("X-Evil"), std::string::npos);
  EXPECT_NE(msg.find("\r\n\r\nline one\r\nline two\r\n"), std::string::npos);
  auto utf8 = client.format("a@b.c", "Bienvenue sur l'éléphant", "x", "<i@d>");
  EXPECT_NE(utf8.find("Subject: =?UTF-8?B?"), std::string::npos);
}

}  // namespace
}  // namespace lox::http
