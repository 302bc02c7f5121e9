-- A privacy tool of membership plans (`privacy_tools`): an account that hides its follower
-- and following counts shows 0 for both to everyone else, and its collections publish no
-- totalItems and no members. Switching it on needs the perk; switching it off never does,
-- and it stays on after a membership ends until its owner switches it off.
ALTER TABLE accounts ADD COLUMN hide_counts boolean NOT NULL DEFAULT false;
