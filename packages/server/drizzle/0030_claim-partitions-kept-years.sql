-- Fewer partitions (ADR 0042, "Which partitions exist"): every partition costs each
-- foreign-key check pointing at a claim, each generic plan and each read by id. Instead of
-- 2016–2035, the years with claims keep theirs, and so do this year (China time), the two
-- before it and the next; the other, empty partitions go. A daily step adds the next year's.
--
-- credit_claims_add_year now moves a year's claims out of the default partition instead of
-- refusing: they are parked under a year no partition takes, the partition is created (its
-- check of the default finds none of its year) and they are put back through the parent,
-- which moves each row into the new partition. ON UPDATE CASCADE carries both changes to
-- the provenances, reviews, evidence links and award lines that point at them.
DROP FUNCTION "credit_claims_add_year"(integer);--> statement-breakpoint
CREATE FUNCTION "credit_claims_add_year"(y integer, OUT created boolean, OUT moved integer)
LANGUAGE plpgsql AS $$
DECLARE
	part text := format('credit_claims_y%s', y);
	parked integer := y + 1000000;
BEGIN
	created := false;
	moved := 0;
	IF y NOT BETWEEN 1000 AND 9999 THEN
		RAISE EXCEPTION 'not a credit year: %', y USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
		RETURN;
	END IF;
	-- One at a time: every process ensures the same years.
	PERFORM pg_advisory_xact_lock(hashtext('credit_claims_add_year'));
	IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
		RETURN;
	END IF;
	-- CREATE TABLE … PARTITION OF takes this lock anyway; taken first, no claim of the year
	-- can enter the default partition between the park and the partition's own check.
	LOCK TABLE public.credit_claims IN ACCESS EXCLUSIVE MODE;
	UPDATE public.credit_claims SET year = parked WHERE year = y;
	GET DIAGNOSTICS moved = ROW_COUNT;
	EXECUTE format('CREATE TABLE public.%I PARTITION OF public.credit_claims FOR VALUES FROM (%s) TO (%s)', part, y, y + 1);
	IF moved > 0 THEN
		UPDATE public.credit_claims SET year = y WHERE year = parked;
	END IF;
	created := true;
END
$$;--> statement-breakpoint
DO $$
DECLARE
	current_year integer := extract(year from now() AT TIME ZONE 'Asia/Shanghai')::integer;
	p record;
	has_rows boolean;
BEGIN
	FOR p IN SELECT c.relname, substring(c.relname from 16)::integer AS y
	           FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
	          WHERE i.inhparent = 'public.credit_claims'::regclass
	            AND c.relname ~ '^credit_claims_y[0-9]{4}$'
	LOOP
		CONTINUE WHEN p.y BETWEEN current_year - 2 AND current_year + 1;
		EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I)', p.relname) INTO has_rows;
		CONTINUE WHEN has_rows;
		EXECUTE format('ALTER TABLE public.credit_claims DETACH PARTITION public.%I', p.relname);
		EXECUTE format('DROP TABLE public.%I', p.relname);
	END LOOP;
	PERFORM public.credit_claims_add_year(y)
	   FROM generate_series(current_year - 2, current_year + 1) AS y;
END
$$;
