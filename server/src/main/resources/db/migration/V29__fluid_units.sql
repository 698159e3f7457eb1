-- A plasma product given is billed by the unit (HCPCS P9017, P9059, P9023, P9044: "each unit"), so its entry keeps
-- how many units were given as well as the volume. Null for every other fluid, and for the entries made before.
ALTER TABLE fluid_given ADD COLUMN units INTEGER;
