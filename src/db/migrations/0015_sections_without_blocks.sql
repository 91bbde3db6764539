-- A section's blocks are its version's model (document_versions.model), which every page renders
-- from; the copy in sections was read by nothing and held about a twelfth of an archive's bytes.
ALTER TABLE "sections" DROP COLUMN "blocks";
