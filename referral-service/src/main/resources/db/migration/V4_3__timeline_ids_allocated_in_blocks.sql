-- Timeline entries take their ids from their sequence 50 at a time (Hibernate's pooled optimizer: each value
-- nextval returns owns the 50 ids up to and including it), so a transaction's entries need no round trip for
-- their ids and are inserted in one batch. Inserts that use the column's default still take nextval's value
-- itself, which no other caller's block contains, so both kinds of insert can go on side by side.
alter sequence timeline_entry_id_seq increment by 50;
