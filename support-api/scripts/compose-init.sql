CREATE DATABASE quimbi_intelligence;
